/** Timestamps in the console and portal: UTC, minute precision, the same on server and client render. */
export function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
