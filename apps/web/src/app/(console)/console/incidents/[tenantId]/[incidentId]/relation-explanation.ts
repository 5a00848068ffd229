const MINUTE = 60_000;

/** "3 h 5 min", "2 d 4 h", "under a minute": the gap between two incidents, for a sentence. */
export function describeGap(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

type Span = { firstAlertAt: Date; lastAlertAt: Date };

/** Where the other incident's alerts fall against this one's: before, after, or overlapping. */
export function describeTiming(here: Span, there: Span): string {
  if (there.lastAlertAt < here.firstAlertAt) {
    return `its alerts ended ${describeGap(here.firstAlertAt.getTime() - there.lastAlertAt.getTime())} before this incident's first alert`;
  }
  if (there.firstAlertAt > here.lastAlertAt) {
    return `its alerts began ${describeGap(there.firstAlertAt.getTime() - here.lastAlertAt.getTime())} after this incident's last alert`;
  }
  return 'its alerts overlap this incident in time';
}
