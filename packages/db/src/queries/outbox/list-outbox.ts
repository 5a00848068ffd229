import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { outbox, outboxStatus, tenants } from '../../schema/index';

export const ListOutboxInput = z.object({
  /** Within the scope; all of the scope's tenants when absent. */
  tenantIds: z.array(z.uuid()).max(500).optional(),
  status: z.enum(outboxStatus.enumValues).optional(),
  /** Only the messages about one incident (its page's notifications section). */
  incidentId: z.uuid().optional(),
  limit: z.int().min(1).max(200).default(50),
  /** The last row of the previous page (created_at, id), newest first. */
  cursor: z.object({ createdAt: z.coerce.date(), id: z.uuid() }).optional(),
});
export type ListOutboxInput = z.input<typeof ListOutboxInput>;

// JS dates carry milliseconds, timestamptz microseconds: page on the millisecond so a cursor matches its row.
const createdMs = sql`date_trunc('milliseconds', ${outbox.createdAt})`;

/** Messages of the scope, newest first, without their bodies (the viewer loads one at a time). */
export async function listOutboxMessages(tx: Tx, input: ListOutboxInput) {
  const q = ListOutboxInput.parse(input);
  const where: (SQL | undefined)[] = [
    q.tenantIds ? inArray(outbox.tenantId, q.tenantIds) : undefined,
    q.status ? eq(outbox.status, q.status) : undefined,
    q.incidentId ? eq(outbox.incidentId, q.incidentId) : undefined,
    q.cursor
      ? sql`(${createdMs}, ${outbox.id}) < (${q.cursor.createdAt.toISOString()}::timestamptz, ${q.cursor.id}::uuid)`
      : undefined,
  ];
  const rows = await tx
    .select({
      tenantId: outbox.tenantId,
      tenantName: tenants.name,
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.to,
      cc: outbox.cc,
      subject: outbox.subject,
      status: outbox.status,
      error: outbox.error,
      attempts: outbox.attempts,
      deliveredVia: outbox.deliveredVia,
      incidentId: outbox.incidentId,
      createdAt: outbox.createdAt,
      lastAttemptAt: outbox.lastAttemptAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .innerJoin(tenants, eq(tenants.id, outbox.tenantId))
    .where(and(...where))
    .orderBy(desc(createdMs), desc(outbox.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > q.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
