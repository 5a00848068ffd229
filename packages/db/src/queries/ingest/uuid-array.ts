/**
 * A Postgres array literal as one parameter (drizzle expands a JS array into a list). Only for
 * values already known to be uuids; anything else is refused rather than quoted.
 */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) {
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) throw new TypeError('not a uuid');
  }
  return `{${ids.join(',')}}`;
}
