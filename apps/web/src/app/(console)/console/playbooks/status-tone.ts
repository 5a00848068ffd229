import type { BadgeTone } from '@palisade/ui/badge';

const TONES: Record<string, BadgeTone> = {
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  skipped: 'neutral',
  running: 'info',
  waiting: 'warning',
  queued: 'info',
  deferred: 'warning',
  recorded: 'info',
  pending: 'neutral',
};

export const statusTone = (status: string): BadgeTone => TONES[status] ?? 'neutral';
