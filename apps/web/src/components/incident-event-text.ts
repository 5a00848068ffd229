import type { IncidentEventKind } from '@palisade/db/schema';

const STATUS_LABEL: Record<string, string> = {
  new: 'new',
  assigned: 'assigned',
  in_progress: 'in progress',
  waiting_on_client: 'waiting on client',
  resolved: 'resolved',
  closed: 'closed',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const status = (v: unknown) => STATUS_LABEL[str(v) ?? ''] ?? str(v) ?? '?';

/**
 * One timeline line per event kind, from the event's `data` (written by @palisade/db's incident
 * queries and the worker). `userName` resolves assignee ids; unknown ids read as "someone".
 */
export function incidentEventText(
  event: { kind: IncidentEventKind; data: Record<string, unknown> },
  userName: (id: string) => string | undefined = () => undefined,
): string {
  const d = event.data;
  switch (event.kind) {
    case 'created': {
      const n = typeof d.alertCount === 'number' ? d.alertCount : null;
      return n ? `Incident created from ${n} alert${n === 1 ? '' : 's'}` : 'Incident created';
    }
    case 'alert_added': {
      const n = typeof d.alertCount === 'number' ? d.alertCount : 1;
      return `${n} alert${n === 1 ? '' : 's'} added`;
    }
    case 'status_changed':
      return `${d.reopened === true ? 'Reopened' : 'Status'}: ${status(d.from)} → ${status(d.to)}`;
    case 'assigned': {
      const to = str(d.to);
      return to ? `Assigned to ${userName(to) ?? 'someone'}` : 'Unassigned';
    }
    case 'severity_changed':
      return `Severity: ${str(d.from) ?? '?'} → ${str(d.to) ?? '?'}`;
    case 'priority_changed':
      return `Priority: ${str(d.from)?.toUpperCase() ?? '?'} → ${str(d.to)?.toUpperCase() ?? '?'}`;
    case 'tag_added':
      return `Tag added: ${str(d.tag) ?? '?'}`;
    case 'tag_removed':
      return `Tag removed: ${str(d.tag) ?? '?'}`;
    case 'comment_added':
      return d.visibility === 'shared' ? 'Comment shared with the client' : 'Internal comment';
    case 'related_linked':
      return 'Linked to a related incident (shared artifacts)';
    case 'source_alert_close': {
      const source = str(d.dataSourceName) ?? 'the source';
      if (d.outcome === 'closed') return `Source alert closed in ${source}`;
      const retry =
        d.final === true
          ? ' (gave up)'
          : typeof d.attempt === 'number' && typeof d.maxAttempts === 'number'
            ? ` (attempt ${d.attempt} of ${d.maxAttempts}, will retry)`
            : '';
      return `Closing the source alert in ${source} failed${retry}: ${str(d.message) ?? 'unknown error'}`;
    }
    case 'sla_warning':
    case 'sla_breached':
    case 'sla_escalated':
      return slaEventText(event.kind, d);
  }
}

const SLA_GOAL: Record<string, string> = { assign: 'Assignment', resolve: 'Resolution' };
const SLA_RECIPIENT: Record<string, string> = {
  soc_management: 'SOC management',
  assignee: 'the assignee',
  primary: "the client's primary contact",
  escalation: "the client's escalation contacts",
};

/** SLA firings (queries/sla/claim-due-sla-events): what fired and who its notices go to. */
function slaEventText(
  kind: 'sla_warning' | 'sla_breached' | 'sla_escalated',
  d: Record<string, unknown>,
): string {
  const goal = SLA_GOAL[str(d.timer) ?? ''] ?? 'SLA';
  const notify = Array.isArray(d.notify) ? d.notify.filter((n): n is string => typeof n === 'string') : [];
  const told = notify.length > 0 ? ` — notifying ${notify.map((n) => SLA_RECIPIENT[n] ?? n).join(', ')}` : '';
  if (kind === 'sla_warning') {
    const pct = typeof d.fraction === 'number' ? Math.round(d.fraction * 100) : null;
    return `${goal} SLA: ${pct ?? '?'}% of the time used${told}`;
  }
  if (kind === 'sla_breached') return `${goal} SLA breached${told}`;
  return `${goal} SLA escalation step ${typeof d.step === 'number' ? d.step : '?'}${told}`;
}
