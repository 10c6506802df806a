/**
 * A statistic was asked for with arguments it cannot work with (a confidence outside (0, 1), a
 * metric it cannot resample, no iterations, sketch data that is not a KLL sketch, sketches with
 * different parameters). The stats layer never knows about action inputs: the stage validates its
 * inputs first and names them; this error means a caller passed bad values.
 */
export class StatsError extends Error {
  override readonly name = 'StatsError';
}
