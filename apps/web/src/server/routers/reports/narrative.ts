import { NotFoundError } from '@palisade/db/errors';
import { getIncidentNarrative, saveIncidentNarrative } from '@palisade/db/queries/reports/narrative';
import { incidents } from '@palisade/db/schema';
import { eq } from 'drizzle-orm';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { NarrativeInput, SaveNarrativeInput } from './reports.schema';

/** The analyst-written executive summary and recommendations of an incident's report. */
export const narrative = staffTenantProcedure.input(NarrativeInput).query(async ({ ctx, input }) => {
  await requireIncident(ctx.tx, input.incidentId);
  return getIncidentNarrative(ctx.tx, input.incidentId);
});

export const saveNarrative = staffTenantProcedure
  .input(SaveNarrativeInput)
  .mutation(async ({ ctx, input }) => {
    await requireIncident(ctx.tx, input.incidentId);
    await saveIncidentNarrative(ctx.tx, {
      tenantId: ctx.tenantId,
      incidentId: input.incidentId,
      fields: { executiveSummary: input.executiveSummary, recommendations: input.recommendations },
      actorUserId: ctx.actor.userId,
    });
    return getIncidentNarrative(ctx.tx, input.incidentId);
  });

async function requireIncident(tx: Parameters<typeof getIncidentNarrative>[0], incidentId: string) {
  const [found] = await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId));
  if (!found) throw new NotFoundError('incident not found');
}
