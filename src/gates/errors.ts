/**
 * A gate was given a rule it cannot apply (an unknown metric, a malformed condition, a negative
 * allowed drop). The gates layer never knows about action inputs: the stage's settings layer
 * catches this error and turns it into a ConfigurationError naming the input.
 */
export class GateConfigError extends Error {
  override readonly name = 'GateConfigError';
}
