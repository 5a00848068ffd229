import type { getIncidentEnrichment } from '@palisade/db/queries/enrichment/incident-enrichment';
import { ATTACK_TACTICS } from '@palisade/ioc/mitre-technique';
import { groupByTactic, type MappedTechnique } from '@palisade/worker/enrichment/map-attack-techniques';
import type { EnrichmentSummary } from '@palisade/worker/enrichment/summarize-enrichment';
import type { ListEffect } from '@palisade/worker/lists/list-effects';
import type { ProviderOutcome } from '@palisade/worker/osint/enrich-artifact';
import type { Verdict } from '@palisade/worker/osint/verdict';

type Stored = NonNullable<Awaited<ReturnType<typeof getIncidentEnrichment>>>;

export type TacticGroup = { shortname: string; name: string; techniques: MappedTechnique[] };

const VERDICT_ORDER: Record<Verdict, number> = { malicious: 0, suspicious: 1, benign: 2, unknown: 3 };

/**
 * The stored jsonb typed as the enrichment job wrote it (summarizeEnrichment, mapAttackTechniques,
 * enrichArtifact, listEffects), artifacts worst first, and the techniques grouped by tactic in
 * ATT&CK's tactic order, so the page only renders.
 */
export function incidentEnrichmentView(stored: Stored) {
  const summary = stored.summary as EnrichmentSummary;
  const techniques = stored.techniques as MappedTechnique[];
  const groups = groupByTactic(techniques);
  const tactics: TacticGroup[] = ATTACK_TACTICS.filter((t) => groups.has(t.shortname)).map((t) => ({
    shortname: t.shortname,
    name: t.name,
    techniques: groups.get(t.shortname) ?? [],
  }));
  const artifacts = stored.artifacts
    .map((a) => ({
      ...a,
      verdict: a.verdict as Verdict,
      outcomes: a.outcomes as ProviderOutcome[],
      lists: a.lists as ListEffect,
    }))
    .sort((x, y) => VERDICT_ORDER[x.verdict] - VERDICT_ORDER[y.verdict] || y.score - x.score);
  return {
    incidentId: stored.incidentId,
    enrichedAt: stored.enrichedAt,
    priorityDelta: stored.priorityDelta,
    summary,
    artifacts,
    techniques,
    tactics,
  };
}
