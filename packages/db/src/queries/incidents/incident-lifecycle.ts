import type { IncidentStatus } from '../../schema/index';

const ORDER: readonly IncidentStatus[] = ['new', 'assigned', 'in_progress', 'resolved', 'closed'];

/**
 * new → assigned → in_progress → resolved → closed. Forward steps may skip (a false positive goes
 * straight to resolved); going back is allowed only as a reopen, from resolved or closed to an open
 * state. `assigned` needs an assignee.
 */
export function canTransition(from: IncidentStatus, to: IncidentStatus, hasAssignee: boolean): boolean {
  if (from === to) return false;
  if (to === 'assigned' && !hasAssignee) return false;
  if (ORDER.indexOf(to) > ORDER.indexOf(from)) return true;
  return isReopen(from, to);
}

/** resolved/closed → new, assigned or in_progress. */
export function isReopen(from: IncidentStatus, to: IncidentStatus): boolean {
  return (from === 'resolved' || from === 'closed') && ORDER.indexOf(to) < ORDER.indexOf('resolved');
}
