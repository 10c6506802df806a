/** A statistics input that cannot be used (bad sketch data, mismatched parameters): names what and the fix. */
export class StatsError extends Error {
  override readonly name = 'StatsError';
}
