import { z } from 'zod';

export const SearchAuditInput = z.object({
  /** One tenant of the caller's scope; omitted: all of them (a client's scope is its tenant). */
  tenantId: z.uuid().optional(),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(200).optional(),
  text: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.int().min(1).default(1),
  pageSize: z.int().min(1).max(200).default(50),
});
export type SearchAuditInput = z.input<typeof SearchAuditInput>;
