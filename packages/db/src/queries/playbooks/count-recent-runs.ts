import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { playbookRuns } from '../../schema/index';

/** Top-level runs of one incident started by `trigger` within the last `withinMinutes`. */
export async function countRecentIncidentRuns(
  tx: Tx,
  input: { tenantId: string; incidentId: string; trigger: string; withinMinutes: number },
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(playbookRuns)
    .where(
      and(
        eq(playbookRuns.tenantId, input.tenantId),
        eq(playbookRuns.incidentId, input.incidentId),
        eq(playbookRuns.trigger, input.trigger),
        gt(playbookRuns.startedAt, sql`now() - ${input.withinMinutes} * interval '1 minute'`),
      ),
    );
  return Number(row?.n ?? 0);
}
