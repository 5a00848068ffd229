import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { rowsOf } from '../../rows';
import {
  artifactEnrichments,
  incidentArtifacts,
  incidentComments,
  incidentEnrichments,
  incidentEvents,
  incidents,
  slaTimers,
  users,
} from '../../schema/index';
import { incidentReference } from '../incidents/incident-reference';
import { getIncidentNarrative } from './narrative';

/** Timeline entries printed; an incident with more says how many earlier ones were left out. */
export const MAX_TIMELINE_ENTRIES = 1000;

export type ReportTechnique = { id: string; name: string; tactics: string[] };

export type IncidentReportHeader = {
  incident: {
    id: string;
    tenantId: string;
    reference: string;
    title: string;
    description: string | null;
    severity: string;
    priority: string;
    status: string;
    tags: string[];
    ruleName: string | null;
    sourceProduct: string | null;
    alertCount: number;
    assigneeName: string | null;
    firstAlertAt: Date;
    lastAlertAt: Date;
    createdAt: Date;
    assignedAt: Date | null;
    resolvedAt: Date | null;
    closedAt: Date | null;
  };
  narrative: { executiveSummary: string; recommendations: string };
  timeline: { at: Date; kind: string; actorName: string | null; data: Record<string, unknown> }[];
  timelineTotal: number;
  sharedNotes: { at: Date; authorName: string | null; body: string }[];
  techniques: ReportTechnique[];
  artifactCount: number;
  verdictCounts: Record<string, number>;
};

/**
 * Everything of an incident report except its artifacts, which the renderer pages through with
 * `pageIncidentArtifacts`. Internal comments never appear; shared notes and non-comment events do.
 */
export async function loadIncidentReportHeader(tx: Tx, incidentId: string): Promise<IncidentReportHeader> {
  const [row] = await tx
    .select({ incident: incidents, assigneeName: users.name })
    .from(incidents)
    .leftJoin(users, eq(users.id, incidents.assigneeUserId))
    .where(eq(incidents.id, incidentId));
  if (!row) throw new NotFoundError('incident not found');
  const i = row.incident;
  const narrative = await getIncidentNarrative(tx, incidentId);
  const visibleEvents = and(
    eq(incidentEvents.incidentId, incidentId),
    or(ne(incidentEvents.kind, 'comment_added'), eq(incidentEvents.clientVisible, true)),
  );
  const [{ total } = { total: 0 }] = await tx
    .select({ total: count() })
    .from(incidentEvents)
    .where(visibleEvents);
  // The latest entries when there are too many, printed oldest first.
  const latest = await tx
    .select({
      at: incidentEvents.at,
      kind: incidentEvents.kind,
      actorName: users.name,
      data: incidentEvents.data,
    })
    .from(incidentEvents)
    .leftJoin(users, eq(users.id, incidentEvents.actorUserId))
    .where(visibleEvents)
    .orderBy(sql`${incidentEvents.at} desc`, sql`${incidentEvents.id} desc`)
    .limit(MAX_TIMELINE_ENTRIES);
  const sharedNotes = await tx
    .select({ at: incidentComments.createdAt, authorName: users.name, body: incidentComments.body })
    .from(incidentComments)
    .leftJoin(users, eq(users.id, incidentComments.authorUserId))
    .where(and(eq(incidentComments.incidentId, incidentId), eq(incidentComments.visibility, 'shared')))
    .orderBy(asc(incidentComments.createdAt));
  const [enrichment] = await tx
    .select({ techniques: incidentEnrichments.techniques })
    .from(incidentEnrichments)
    .where(eq(incidentEnrichments.incidentId, incidentId));
  const verdictRows = rowsOf<{ verdict: string | null; n: number }>(
    await tx.execute(sql`
      select e.verdict, count(*)::int as n
        from ${incidentArtifacts} ia
        left join lateral (
          select y.verdict from ${artifactEnrichments} y
           where y.tenant_id = ia.tenant_id and y.artifact_id = ia.artifact_id limit 1) e on true
       where ia.tenant_id = ${i.tenantId}::uuid and ia.incident_id = ${incidentId}::uuid
       group by e.verdict`),
  );
  const verdictCounts: Record<string, number> = {};
  for (const r of verdictRows) verdictCounts[r.verdict ?? 'not enriched'] = Number(r.n);
  return {
    incident: {
      id: i.id,
      tenantId: i.tenantId,
      reference: incidentReference(i.number),
      title: i.title,
      description: i.description,
      severity: i.severity,
      priority: i.priority,
      status: i.status,
      tags: i.tags,
      ruleName: i.ruleName,
      sourceProduct: i.sourceProduct,
      alertCount: i.alertCount,
      assigneeName: row.assigneeName,
      firstAlertAt: i.firstAlertAt,
      lastAlertAt: i.lastAlertAt,
      createdAt: i.createdAt,
      assignedAt: i.assignedAt,
      resolvedAt: i.resolvedAt,
      closedAt: i.closedAt,
    },
    narrative: { executiveSummary: narrative.executiveSummary, recommendations: narrative.recommendations },
    timeline: latest.reverse(),
    timelineTotal: Number(total),
    sharedNotes,
    techniques: parseTechniques(enrichment?.techniques),
    artifactCount: Object.values(verdictCounts).reduce((a, b) => a + b, 0),
    verdictCounts,
  };
}

function parseTechniques(value: unknown): ReportTechnique[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t) =>
    t && typeof t === 'object' && typeof t.id === 'string' && typeof t.name === 'string'
      ? [{ id: t.id, name: t.name, tactics: Array.isArray(t.tactics) ? t.tactics.map(String) : [] }]
      : [],
  );
}

export type ReportEvidence = {
  provider: string;
  verdict: string | null;
  score: number | null;
  facts: string[];
};

export type ReportArtifact = {
  id: string;
  type: string;
  value: string;
  verdict: string | null;
  score: number | null;
  evidence: ReportEvidence[];
  /** Keyset cursor for the next page. */
  rank: number;
};

export type ArtifactCursor = { rank: number; type: string; value: string; id: string };

// Worst verdicts first; artifacts never enriched last.
const VERDICT_RANK = sql`case e.verdict when 'malicious' then 0 when 'suspicious' then 1 when 'benign' then 3 when 'unknown' then 2 else 4 end`;

/**
 * One page of an incident's artifacts with their verdict and each provider's evidence, worst first,
 * by keyset (no OFFSET), so a 10,000-artifact report reads them in bounded pages. The artifact and
 * its verdict are looked up per row by primary key (LIMIT 1 keeps the planner from flattening the
 * lateral joins): a just-written large incident has no statistics yet, and the planner then chose
 * nested loops over whole-tenant scans, 100 s for one page of a 10,000-artifact incident.
 */
export async function pageIncidentArtifacts(
  tx: Tx,
  input: { tenantId: string; incidentId: string; after: ArtifactCursor | null; limit: number },
): Promise<ReportArtifact[]> {
  const after = input.after
    ? sql`and (${VERDICT_RANK}, a.type, a.value, a.id) > (${input.after.rank}, ${input.after.type}, ${input.after.value}, ${input.after.id}::uuid)`
    : sql``;
  const rows = rowsOf<{
    id: string;
    type: string;
    value: string;
    verdict: string | null;
    score: number | null;
    outcomes: unknown;
    rank: number;
  }>(
    await tx.execute(sql`
      select a.id, a.type, a.value, e.verdict, e.score, e.outcomes, ${VERDICT_RANK} as rank
        from public.incident_artifacts ia
        cross join lateral (
          select x.id, x.type, x.value from public.artifacts x
           where x.tenant_id = ia.tenant_id and x.id = ia.artifact_id limit 1) a
        left join lateral (
          select y.verdict, y.score, y.outcomes from public.artifact_enrichments y
           where y.tenant_id = ia.tenant_id and y.artifact_id = ia.artifact_id limit 1) e on true
       where ia.tenant_id = ${input.tenantId}::uuid and ia.incident_id = ${input.incidentId}::uuid ${after}
       order by ${VERDICT_RANK}, a.type, a.value, a.id
       limit ${input.limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    value: r.value,
    verdict: r.verdict,
    score: r.score === null ? null : Number(r.score),
    evidence: parseOutcomes(r.outcomes),
    rank: Number(r.rank),
  }));
}

/** ProviderOutcome[] (see the worker's enrichArtifact) as printable lines; unknown shapes are skipped. */
function parseOutcomes(value: unknown): ReportEvidence[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((o) => {
    if (!o || typeof o !== 'object' || typeof o.provider !== 'string') return [];
    const result = o.result as Record<string, unknown> | undefined;
    if (result?.status !== 'ok') return [];
    const facts = Array.isArray(result.evidence)
      ? result.evidence.flatMap((e: unknown) =>
          e && typeof e === 'object' && 'label' in e && 'value' in e
            ? [`${String(e.label)}: ${String(e.value)}`]
            : [],
        )
      : [];
    return [
      {
        provider: o.provider,
        verdict: typeof result.verdict === 'string' ? result.verdict : null,
        score: typeof result.score === 'number' ? result.score : null,
        facts,
      },
    ];
  });
}

export type IncidentSlaOutcome = {
  kind: string;
  state: string;
  dueAt: Date;
  metAt: Date | null;
  breachedAt: Date | null;
  /** met = reached in time and never breached (the SLA contract). */
  outcome: 'met' | 'breached' | 'running';
};

/** The incident's SLA timers (assign, resolve; one per round after a reopen) and how each ended. */
export async function incidentSlaOutcomes(tx: Tx, incidentId: string): Promise<IncidentSlaOutcome[]> {
  const rows = await tx
    .select({
      kind: slaTimers.kind,
      state: slaTimers.state,
      dueAt: slaTimers.dueAt,
      metAt: slaTimers.metAt,
      breachedAt: slaTimers.breachedAt,
    })
    .from(slaTimers)
    .where(eq(slaTimers.incidentId, incidentId))
    .orderBy(asc(slaTimers.startedAt), asc(slaTimers.kind));
  return rows.map((r) => ({
    ...r,
    outcome: r.breachedAt ? 'breached' : r.metAt ? 'met' : 'running',
  }));
}
