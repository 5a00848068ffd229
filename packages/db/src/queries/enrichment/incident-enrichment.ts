import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import {
  alerts,
  artifactEnrichments,
  artifacts,
  incidentArtifacts,
  incidentEnrichments,
  incidents,
} from '../../schema/index';

/** What the enrichment job needs of an incident: its artifacts and its alerts' ATT&CK inputs. */
export async function loadIncidentForEnrichment(tx: Tx, input: { tenantId: string; incidentId: string }) {
  const [incident] = await tx
    .select({ id: incidents.id, priority: incidents.priority })
    .from(incidents)
    .where(and(eq(incidents.tenantId, input.tenantId), eq(incidents.id, input.incidentId)));
  if (!incident) throw new NotFoundError('incident not found');
  const found = await tx
    .select({ id: artifacts.id, type: artifacts.type, value: artifacts.value })
    .from(incidentArtifacts)
    .innerJoin(
      artifacts,
      and(eq(artifacts.tenantId, incidentArtifacts.tenantId), eq(artifacts.id, incidentArtifacts.artifactId)),
    )
    .where(
      and(eq(incidentArtifacts.tenantId, input.tenantId), eq(incidentArtifacts.incidentId, input.incidentId)),
    );
  const alertRows = await tx
    .select({
      ruleName: alerts.ruleName,
      sourceVendor: alerts.sourceVendor,
      sourceProduct: alerts.sourceProduct,
      normalized: alerts.normalized,
    })
    .from(alerts)
    .where(and(eq(alerts.tenantId, input.tenantId), eq(alerts.incidentId, input.incidentId)));
  const [previous] = await tx
    .select({ priorityDelta: incidentEnrichments.priorityDelta })
    .from(incidentEnrichments)
    .where(
      and(
        eq(incidentEnrichments.tenantId, input.tenantId),
        eq(incidentEnrichments.incidentId, input.incidentId),
      ),
    );
  return {
    incident,
    artifacts: found,
    alerts: alertRows,
    appliedPriorityDelta: previous?.priorityDelta ?? 0,
  };
}

export type ArtifactEnrichmentValues = {
  artifactId: string;
  verdict: string;
  score: number;
  outcomes: unknown;
  lists: unknown;
};

/** Stores the latest judgement per artifact and the incident's summary, replacing earlier ones. */
export async function saveIncidentEnrichment(
  tx: Tx,
  input: {
    tenantId: string;
    incidentId: string;
    artifacts: readonly ArtifactEnrichmentValues[];
    summary: unknown;
    techniques: unknown;
    priorityDelta: number;
  },
): Promise<void> {
  if (input.artifacts.length > 0) {
    await tx
      .insert(artifactEnrichments)
      .values(input.artifacts.map((a) => ({ tenantId: input.tenantId, ...a })))
      .onConflictDoUpdate({
        target: [artifactEnrichments.tenantId, artifactEnrichments.artifactId],
        set: {
          verdict: sql`excluded.verdict`,
          score: sql`excluded.score`,
          outcomes: sql`excluded.outcomes`,
          lists: sql`excluded.lists`,
          enrichedAt: sql`now()`,
        },
      });
  }
  const values = { summary: input.summary, techniques: input.techniques, priorityDelta: input.priorityDelta };
  await tx
    .insert(incidentEnrichments)
    .values({ tenantId: input.tenantId, incidentId: input.incidentId, ...values })
    .onConflictDoUpdate({
      target: [incidentEnrichments.tenantId, incidentEnrichments.incidentId],
      set: { ...values, enrichedAt: sql`now()` },
    });
}

/** For the incident page: the summary, techniques and each artifact's providers with evidence. */
export async function getIncidentEnrichment(tx: Tx, input: { incidentId: string }) {
  const [summary] = await tx
    .select()
    .from(incidentEnrichments)
    .where(eq(incidentEnrichments.incidentId, input.incidentId));
  if (!summary) return null;
  const perArtifact = await tx
    .select({
      artifactId: artifactEnrichments.artifactId,
      type: artifacts.type,
      value: artifacts.value,
      verdict: artifactEnrichments.verdict,
      score: artifactEnrichments.score,
      outcomes: artifactEnrichments.outcomes,
      lists: artifactEnrichments.lists,
      enrichedAt: artifactEnrichments.enrichedAt,
    })
    .from(incidentArtifacts)
    .innerJoin(
      artifactEnrichments,
      and(
        eq(artifactEnrichments.tenantId, incidentArtifacts.tenantId),
        eq(artifactEnrichments.artifactId, incidentArtifacts.artifactId),
      ),
    )
    .innerJoin(
      artifacts,
      and(eq(artifacts.tenantId, incidentArtifacts.tenantId), eq(artifacts.id, incidentArtifacts.artifactId)),
    )
    .where(eq(incidentArtifacts.incidentId, input.incidentId));
  return { ...summary, artifacts: perArtifact };
}
