import { incidentStatus, severityLevel } from '@palisade/db/schema';
import { z } from 'zod';
import { type IncidentFilters, IncidentSort } from '@/server/routers/incident/list.schema';

/** The queue's state lives in the URL (shareable, survives reload); this is its one reader and writer. */
export type QueueState = IncidentFilters & { sort: IncidentSort; direction: 'asc' | 'desc' };

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').filter((v): v is T => (values as readonly string[]).includes(v)))
    .transform((list) => (list.length ? [...new Set(list)] : undefined));

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()));

// Each field is parsed on its own: one bad parameter drops that filter, not the whole queue.
const FIELDS = {
  tenantId: ['tenant', z.uuid()],
  severity: ['severity', csv(severityLevel.enumValues)],
  status: ['status', csv(incidentStatus.enumValues)],
  assigneeUserId: ['assignee', z.union([z.literal('unassigned'), z.uuid()])],
  dataSourceId: ['source', z.uuid()],
  from: ['from', day],
  search: ['q', z.string().trim().min(1).max(200)],
} as const;

export function parseQueueState(params: URLSearchParams): QueueState {
  const state: QueueState = {
    sort: IncidentSort.catch('last_alert_at').parse(params.get('sort')),
    direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
  };
  for (const [key, [param, schema]] of Object.entries(FIELDS)) {
    const raw = params.get(param);
    if (raw === null) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(state, { [key]: parsed.data });
  }
  // `to` is a day too, inclusive: the end of that day.
  const to = day.safeParse(params.get('to'));
  if (to.success) state.to = new Date(to.data.getTime() + 86_400_000 - 1);
  return state;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Writes the state back; default values are left out so URLs stay short. */
export function queueSearch(state: QueueState): string {
  const out = new URLSearchParams();
  if (state.tenantId) out.set('tenant', state.tenantId);
  if (state.severity?.length) out.set('severity', state.severity.join(','));
  if (state.status?.length) out.set('status', state.status.join(','));
  if (state.assigneeUserId) out.set('assignee', state.assigneeUserId);
  if (state.dataSourceId) out.set('source', state.dataSourceId);
  if (state.from) out.set('from', isoDay(state.from));
  if (state.to) out.set('to', isoDay(state.to));
  if (state.search) out.set('q', state.search);
  if (state.sort !== 'last_alert_at') out.set('sort', state.sort);
  if (state.direction !== 'desc') out.set('dir', state.direction);
  return out.toString();
}
