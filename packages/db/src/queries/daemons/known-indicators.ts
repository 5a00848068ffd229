import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../database';
import { threatIndicators } from '../../schema/index';

/** `type\u0000value` of the indicators a feed (`source`) already stored among `values`: a re-fetch counts as duplicate. */
export async function knownIndicatorKeys(
  tx: Tx,
  input: { tenantId: string; source: string; values: readonly string[] },
): Promise<Set<string>> {
  if (input.values.length === 0) return new Set();
  const rows = await tx
    .select({ type: threatIndicators.type, value: threatIndicators.value })
    .from(threatIndicators)
    .where(
      and(
        eq(threatIndicators.tenantId, input.tenantId),
        eq(threatIndicators.source, input.source),
        inArray(threatIndicators.value, [...new Set(input.values)]),
      ),
    );
  return new Set(rows.map((r) => `${r.type}\u0000${r.value}`));
}
