/** A rehearsal that cannot go on: bad arguments, an invalid workflow, a step the runner would refuse. */
export class RehearsalError extends Error {
  override name = 'RehearsalError';
}
