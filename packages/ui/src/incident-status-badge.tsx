import { Badge, type BadgeTone } from './badge';

export type IncidentStatus = 'new' | 'assigned' | 'in_progress' | 'waiting_on_client' | 'resolved' | 'closed';

export const INCIDENT_STATUS_TONE: Record<IncidentStatus, BadgeTone> = {
  new: 'info',
  assigned: 'warning',
  in_progress: 'warning',
  waiting_on_client: 'info',
  resolved: 'success',
  closed: 'neutral',
};

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  new: 'new',
  assigned: 'assigned',
  in_progress: 'in progress',
  waiting_on_client: 'waiting on client',
  resolved: 'resolved',
  closed: 'closed',
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge tone={INCIDENT_STATUS_TONE[status]}>{INCIDENT_STATUS_LABEL[status]}</Badge>;
}
