/** Bad data (not a user configuration mistake): the message names the file/line or member and the fix. */
export class DataError extends Error {
  override readonly name = 'DataError';
}
