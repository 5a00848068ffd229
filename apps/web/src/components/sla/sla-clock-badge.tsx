'use client';

import { type SlaClockLike, slaClockView } from './sla-time-left';
import { useNow } from './use-now';

const TONE: Record<ReturnType<typeof slaClockView>['tone'], string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  breached: 'bg-red-50 text-red-800 ring-red-300',
  paused: 'bg-sky-50 text-sky-800 ring-sky-200',
  met: 'bg-slate-50 text-slate-600 ring-slate-200',
  stopped: 'bg-slate-50 text-slate-500 ring-slate-200',
};

const LABEL = { assign: 'Assign', resolve: 'Resolve' } as const;

/** One SLA clock, ticking every second: time left, then how long ago it breached. */
export function SlaClockBadge({ clock, compact = false }: { clock: SlaClockLike; compact?: boolean }) {
  const now = useNow();
  const view = slaClockView(clock, now);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs tabular-nums ring-1 ring-inset ${TONE[view.tone]}`}
      title={`${LABEL[clock.kind]} SLA due ${new Date(clock.dueAt).toLocaleString()}`}
    >
      {compact ? LABEL[clock.kind][0] : LABEL[clock.kind]}: {view.text}
    </span>
  );
}
