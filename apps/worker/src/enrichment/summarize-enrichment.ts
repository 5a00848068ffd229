import type { ArtifactEnrichment } from '../integrations/osint/enrich-artifact';
import { type Verdict, worstVerdict } from '../integrations/osint/verdict';
import type { ListEffect } from '../lists/list-effects';

export type ArtifactSummary = {
  type: string;
  value: string;
  /** After list overrides: an allow-listed artifact is benign whatever OSINT said. */
  verdict: Verdict;
  osintVerdict: Verdict;
  score: number;
  suppressNotifications: boolean;
  reasons: string[];
};

export type EnrichmentSummary = {
  artifacts: ArtifactSummary[];
  counts: Record<Verdict, number>;
  worst: Verdict;
  priorityDelta: number;
  /** What raised or lowered priority, for the incident page. */
  reasons: string[];
};

/** An enriched artifact; host and user artifacts (lists only, no OSINT) have no outcomes. */
export type EnrichedArtifact = Pick<ArtifactEnrichment, 'outcomes' | 'verdict' | 'score'> & {
  artifact: { type: string; value: string };
};

/** An incident's enrichment at a glance: the worst verdict per artifact, counts, and the rules that applied. */
export function summarizeEnrichment(
  items: readonly { enrichment: EnrichedArtifact; lists: ListEffect }[],
): EnrichmentSummary {
  const artifacts = items.map(({ enrichment, lists }): ArtifactSummary => {
    const osintReasons = enrichment.outcomes.flatMap((o) =>
      o.result.status === 'ok' && (o.result.verdict === 'malicious' || o.result.verdict === 'suspicious')
        ? [`${o.result.verdict}: ${o.provider} (score ${o.result.score})`]
        : [],
    );
    return {
      type: enrichment.artifact.type,
      value: enrichment.artifact.value,
      verdict: lists.verdictOverride ?? enrichment.verdict,
      osintVerdict: enrichment.verdict,
      score: lists.verdictOverride === 'benign' ? 0 : enrichment.score,
      suppressNotifications: lists.suppressNotifications,
      reasons: [...lists.reasons, ...osintReasons],
    };
  });
  const counts: Record<Verdict, number> = { malicious: 0, suspicious: 0, benign: 0, unknown: 0 };
  for (const a of artifacts) counts[a.verdict] += 1;
  return {
    artifacts,
    counts,
    worst: worstVerdict(artifacts.map((a) => a.verdict)),
    priorityDelta: items.reduce((sum, i) => sum + i.lists.priorityDelta, 0),
    reasons: items.flatMap((i) => i.lists.reasons.filter((r) => r.startsWith('priority'))),
  };
}
