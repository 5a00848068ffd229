import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type NewThreatIndicator, threatIndicators } from '../../schema/index';

/** Live indicators of the tenant in scope for one artifact. */
export async function findThreatIndicators(tx: Tx, input: { tenantId: string; type: string; value: string }) {
  return tx
    .select()
    .from(threatIndicators)
    .where(
      and(
        eq(threatIndicators.tenantId, input.tenantId),
        eq(threatIndicators.type, input.type),
        eq(threatIndicators.value, input.value),
        or(isNull(threatIndicators.expiresAt), gt(threatIndicators.expiresAt, sql`now()`)),
      ),
    );
}

/** Feed upsert by (tenant, type, value, source): a re-seen indicator moves `last_seen`. */
export async function upsertThreatIndicators(tx: Tx, rows: readonly NewThreatIndicator[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(threatIndicators)
    .values([...rows])
    .onConflictDoUpdate({
      target: [
        threatIndicators.tenantId,
        threatIndicators.type,
        threatIndicators.value,
        threatIndicators.source,
      ],
      set: {
        verdict: sql`excluded.verdict`,
        score: sql`excluded.score`,
        description: sql`excluded.description`,
        lastSeen: sql`excluded.last_seen`,
        expiresAt: sql`excluded.expires_at`,
      },
    });
}
