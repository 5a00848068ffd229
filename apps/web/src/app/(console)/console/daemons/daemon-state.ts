import type { BadgeTone } from '@palisade/ui/badge';

/** Badge colour of a daemon's live state or a run's status. */
export function daemonTone(state: string): BadgeTone {
  if (state === 'running') return 'info';
  if (state === 'failed' || state === 'abandoned') return 'danger';
  if (state === 'succeeded' || state === 'idle') return 'success';
  return 'neutral';
}

/** `1.2 s`, `3 min`: lag and durations in the tables. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
