import type { IncidentEventKind } from '@palisade/db/schema';

const STATUS_LABEL: Record<string, string> = {
  new: 'new',
  assigned: 'assigned',
  in_progress: 'in progress',
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
  }
}
