import type { BadgeTone } from '@palisade/ui/badge';

export const OUTBOX_STATUS_TONE: Record<'pending' | 'sent' | 'failed', BadgeTone> = {
  pending: 'warning',
  sent: 'success',
  failed: 'danger',
};
