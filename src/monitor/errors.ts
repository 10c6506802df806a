/**
 * Data that cannot be used as Model Monitor data (unreadable capture line, record without the
 * fields Model Monitor writes, malformed statistics/constraints/violations): the message names the
 * file, the line or member, and the fix.
 */
export class MonitorDataError extends Error {
  override readonly name = 'MonitorDataError';
}
