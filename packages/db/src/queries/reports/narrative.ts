import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { incidentReportNarratives } from '../../schema/index';

export const IncidentNarrativeFields = z.object({
  executiveSummary: z.string().max(20_000),
  recommendations: z.string().max(20_000),
});
export type IncidentNarrativeFields = z.infer<typeof IncidentNarrativeFields>;

/** The analyst's executive summary and recommendations; empty strings until written. */
export async function getIncidentNarrative(
  tx: Tx,
  incidentId: string,
): Promise<IncidentNarrativeFields & { updatedAt: Date | null }> {
  const [row] = await tx
    .select({
      executiveSummary: incidentReportNarratives.executiveSummary,
      recommendations: incidentReportNarratives.recommendations,
      updatedAt: incidentReportNarratives.updatedAt,
    })
    .from(incidentReportNarratives)
    .where(eq(incidentReportNarratives.incidentId, incidentId));
  return row ?? { executiveSummary: '', recommendations: '', updatedAt: null };
}

export async function saveIncidentNarrative(
  tx: Tx,
  input: { tenantId: string; incidentId: string; fields: IncidentNarrativeFields; actorUserId: string },
): Promise<void> {
  const fields = IncidentNarrativeFields.parse(input.fields);
  await tx
    .insert(incidentReportNarratives)
    .values({
      tenantId: input.tenantId,
      incidentId: input.incidentId,
      updatedBy: input.actorUserId,
      ...fields,
    })
    .onConflictDoUpdate({
      target: [incidentReportNarratives.tenantId, incidentReportNarratives.incidentId],
      set: { ...fields, updatedBy: input.actorUserId, updatedAt: sql`now()` },
    });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'report.narrative_update',
    target: `incident:${input.incidentId}`,
    after: {
      executiveSummaryLength: fields.executiveSummary.length,
      recommendationsLength: fields.recommendations.length,
    },
  });
}
