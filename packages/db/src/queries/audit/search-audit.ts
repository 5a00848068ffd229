import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { auditLog, tenants, users } from '../../schema/index';

export const SearchAuditInput = z.object({
  /** Restrict to these tenants (already checked against the caller's scope). */
  tenantIds: z.array(z.uuid()).min(1),
  /** Email, name or user id of who did it. */
  actor: z.string().trim().max(200).optional(),
  /** An action or its prefix (`incident.`, `user.invited`). */
  action: z.string().trim().max(200).optional(),
  /** Free text in the target, the action or the before/after values. */
  text: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  /** Exclusive. */
  to: z.coerce.date().optional(),
  page: z.int().min(1).default(1),
  pageSize: z.int().min(1).max(200).default(50),
});
export type SearchAuditInput = z.input<typeof SearchAuditInput>;

/** `%`, `_` and `\` match themselves. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Audit entries of the given tenants, newest first, filtered and paginated; RLS bounds the scope. */
export async function searchAudit(tx: Tx, input: SearchAuditInput) {
  const p = SearchAuditInput.parse(input);
  const where: SQL[] = [inArray(auditLog.tenantId, p.tenantIds)];
  if (p.actor) {
    const like = `%${literal(p.actor)}%`;
    const actorMatch = or(
      ilike(users.email, like),
      ilike(users.name, like),
      sql`${auditLog.actorUserId}::text = ${p.actor.toLowerCase()}`,
    );
    if (actorMatch) where.push(actorMatch);
  }
  if (p.action) where.push(ilike(auditLog.action, `${literal(p.action)}%`));
  if (p.text) {
    const like = `%${literal(p.text)}%`;
    const textMatch = or(
      ilike(auditLog.target, like),
      ilike(auditLog.action, like),
      sql`${auditLog.before}::text ilike ${like}`,
      sql`${auditLog.after}::text ilike ${like}`,
    );
    if (textMatch) where.push(textMatch);
  }
  if (p.from) where.push(gte(auditLog.at, p.from));
  if (p.to) where.push(lt(auditLog.at, p.to));
  const condition = and(...where);
  const rows = await tx
    .select({
      id: auditLog.id,
      tenantId: auditLog.tenantId,
      tenantName: tenants.name,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorEmail: users.email,
      actorName: users.name,
      action: auditLog.action,
      target: auditLog.target,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .innerJoin(tenants, eq(tenants.id, auditLog.tenantId))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [total] = await tx
    .select({ n: count() })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(condition);
  const totalCount = total?.n ?? 0;
  return {
    items: rows,
    page: p.page,
    pageSize: p.pageSize,
    total: totalCount,
    pages: Math.max(1, Math.ceil(totalCount / p.pageSize)),
  };
}
