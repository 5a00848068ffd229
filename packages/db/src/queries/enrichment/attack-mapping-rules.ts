import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { attackMappingRules } from '../../schema/index';

export async function listAttackMappingRules(tx: Tx, input: { tenantId: string }) {
  return tx
    .select({
      id: attackMappingRules.id,
      field: attackMappingRules.field,
      pattern: attackMappingRules.pattern,
      techniqueId: attackMappingRules.techniqueId,
    })
    .from(attackMappingRules)
    .where(eq(attackMappingRules.tenantId, input.tenantId))
    .orderBy(asc(attackMappingRules.createdAt));
}

export async function createAttackMappingRule(
  tx: Tx,
  input: { tenantId: string; field: 'rule_name' | 'source'; pattern: string; techniqueId: string },
): Promise<string> {
  const id = crypto.randomUUID();
  // No RETURNING: the id is ours, and the policy checks the row anyway.
  await tx.insert(attackMappingRules).values({ id, ...input });
  return id;
}

/** Deletes by id within the tenant; returns whether a rule was there. */
export async function deleteAttackMappingRule(
  tx: Tx,
  input: { tenantId: string; id: string },
): Promise<boolean> {
  const gone = await tx
    .delete(attackMappingRules)
    .where(and(eq(attackMappingRules.tenantId, input.tenantId), eq(attackMappingRules.id, input.id)))
    .returning({ id: attackMappingRules.id });
  return gone.length > 0;
}
