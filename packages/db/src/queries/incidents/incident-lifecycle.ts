import type { IncidentStatus } from '../../schema/index';

const ORDER: readonly IncidentStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_client',
  'resolved',
  'closed',
];

/**
 * new → assigned → in_progress → resolved → closed. Forward steps may skip (a false positive goes
 * straight to resolved); going back is allowed only as a reopen, from resolved or closed to an open
 * state. `assigned` needs an assignee. `waiting_on_client` is a side state of an open incident.
 */
export function canTransition(from: IncidentStatus, to: IncidentStatus, hasAssignee: boolean): boolean {
  if (from === to) return false;
  if (to === 'assigned' && !hasAssignee) return false;
  // Parked on the client (SLA clocks pause): from any open state, and back to work (not to `new`).
  if (to === 'waiting_on_client') return from === 'new' || from === 'assigned' || from === 'in_progress';
  if (from === 'waiting_on_client') return to !== 'new';
  if (ORDER.indexOf(to) > ORDER.indexOf(from)) return true;
  return isReopen(from, to);
}

/** resolved/closed → new, assigned or in_progress. */
export function isReopen(from: IncidentStatus, to: IncidentStatus): boolean {
  return (from === 'resolved' || from === 'closed') && ORDER.indexOf(to) < ORDER.indexOf('resolved');
}
