import { incidentStatus, severityLevel } from '@palisade/db/schema';
import { z } from 'zod';

export const INCIDENT_SORTS = ['last_alert_at', 'created_at', 'number'] as const;
export const IncidentSort = z.enum(INCIDENT_SORTS);
export type IncidentSort = z.infer<typeof IncidentSort>;

export const IncidentFilters = z.object({
  /** One tenant of the actor's scope (another is NOT_FOUND); absent: every tenant in scope. */
  tenantId: z.uuid().optional(),
  severity: z.array(z.enum(severityLevel.enumValues)).max(5).optional(),
  status: z.array(z.enum(incidentStatus.enumValues)).max(5).optional(),
  /** A user id, or `unassigned`. */
  assigneeUserId: z.union([z.literal('unassigned'), z.uuid()]).optional(),
  /** The data source of the incident's first alert. */
  dataSourceId: z.uuid().optional(),
  /** Last alert at or after / at or before. */
  from: z.date().optional(),
  to: z.date().optional(),
  /** Full-text search on the title and the artifact values. */
  search: z.string().trim().min(1).max(200).optional(),
});
export type IncidentFilters = z.infer<typeof IncidentFilters>;

export const ListIncidentsInput = IncidentFilters.extend({
  sort: IncidentSort.default('last_alert_at'),
  direction: z.enum(['desc', 'asc']).default('desc'),
  /** Opaque keyset cursor: the previous page's `nextCursor`. */
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;
