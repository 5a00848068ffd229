import type { Db } from '@palisade/db/client';
import { listAttackMappingRules } from '@palisade/db/queries/enrichment/attack-mapping-rules';
import {
  loadIncidentForEnrichment,
  saveIncidentEnrichment,
} from '@palisade/db/queries/enrichment/incident-enrichment';
import { setIncidentPriority } from '@palisade/db/queries/incidents/set-incident-priority';
import { withTenantOn } from '@palisade/db/with-tenant';
import { z } from 'zod';
import { type EnrichOptions, enrichArtifact } from '../integrations/osint/enrich-artifact';
import { Artifact } from '../integrations/osint/verdict';
import { listEffects } from '../lists/list-effects';
import { lookupLists } from '../lists/lookup-lists';
import { type AlertForAttack, mapAttackTechniques } from './map-attack-techniques';
import { type EnrichedArtifact, summarizeEnrichment } from './summarize-enrichment';

const PRIORITIES = ['p1', 'p2', 'p3', 'p4'] as const;

// The parts of a stored StandardAlert that ATT&CK mapping reads; anything else in it is ignored.
const NormalizedTechniques = z
  .object({ mitreTechniques: z.array(z.object({ id: z.string() })).default([]) })
  .catch({
    mitreTechniques: [],
  });

/**
 * Enriches one incident: reads it (one transaction), asks the providers outside any transaction,
 * then writes every artifact's verdict, the summary and the techniques in one transaction, and moves
 * the priority by what the lists say (only by the change since the last run, so re-runs don't drift).
 */
export async function enrichIncident(
  options: EnrichOptions,
  input: { tenantId: string; incidentId: string; now: Date; signal?: AbortSignal },
) {
  const { tenantId, incidentId } = input;
  const db: Db = options.db;
  const loaded = await withTenantOn(db, tenantId, async (tx) => ({
    ...(await loadIncidentForEnrichment(tx, { tenantId, incidentId })),
    rules: await listAttackMappingRules(tx, { tenantId }),
  }));

  const enriched: { artifactId: string; enrichment: EnrichedArtifact }[] = [];
  for (const a of loaded.artifacts) {
    const artifact = Artifact.safeParse({ type: a.type, value: a.value });
    const enrichment: EnrichedArtifact = artifact.success
      ? await enrichArtifact(options, { tenantId, artifact: artifact.data, signal: input.signal })
      : { artifact: { type: a.type, value: a.value }, outcomes: [], verdict: 'unknown', score: 0 };
    enriched.push({ artifactId: a.id, enrichment });
  }

  const alerts: AlertForAttack[] = loaded.alerts.map((al) => ({
    rule: { name: al.ruleName },
    source: { vendor: al.sourceVendor, product: al.sourceProduct },
    mitreTechniques: NormalizedTechniques.parse(al.normalized ?? {}).mitreTechniques,
  }));
  const extractedIds = loaded.artifacts.filter((a) => a.type === 'mitre_technique').map((a) => a.value);
  const byId = new Map<string, ReturnType<typeof mapAttackTechniques>[number]>();
  for (const alert of alerts.length > 0
    ? alerts
    : [{ rule: { name: null }, source: { vendor: null, product: null }, mitreTechniques: [] }]) {
    for (const t of mapAttackTechniques({ alert, extractedIds, rules: loaded.rules })) {
      const seen = byId.get(t.id);
      byId.set(t.id, seen ? { ...seen, via: [...new Set([...seen.via, ...t.via])] } : t);
    }
  }
  const techniques = [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));

  return withTenantOn(db, tenantId, async (tx) => {
    const hits = await lookupLists(tx, {
      tenantId,
      targets: enriched.map((e) => e.enrichment.artifact),
      now: input.now,
    });
    const items = enriched.map((e, i) => ({
      ...e,
      lists: listEffects(hits[i]?.entries ?? []),
      matched: hits[i]?.entries ?? [],
    }));
    const summary = summarizeEnrichment(items);
    const shift = summary.priorityDelta - loaded.appliedPriorityDelta;
    if (shift !== 0) {
      const index = PRIORITIES.indexOf(loaded.incident.priority);
      const next = PRIORITIES[Math.min(3, Math.max(0, index - shift))] ?? loaded.incident.priority;
      await setIncidentPriority(tx, { incidentId, priority: next, actorUserId: null });
    }
    await saveIncidentEnrichment(tx, {
      tenantId,
      incidentId,
      artifacts: items.map((item, i) => ({
        artifactId: item.artifactId,
        verdict: summary.artifacts[i]?.verdict ?? item.enrichment.verdict,
        score: summary.artifacts[i]?.score ?? item.enrichment.score,
        outcomes: item.enrichment.outcomes,
        lists: { ...item.lists, entryIds: item.matched.map((m) => m.id) },
      })),
      summary,
      techniques,
      priorityDelta: summary.priorityDelta,
    });
    return { summary, techniques };
  });
}
