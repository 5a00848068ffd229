import type { Tx } from '@palisade/db/client';
import { listListEntries } from '@palisade/db/queries/enrichment/list-entries';
import type { MatchableEntry } from './list-entry';
import { type MatchTarget, matchEntries } from './match-list-entry';

export type ListHit = { target: MatchTarget; entries: MatchableEntry[] };

/** The tenant's own and inherited MSSP entries matched against each target, inside the tenant's scope. */
export async function lookupLists(
  tx: Tx,
  input: {
    tenantId: string;
    targets: readonly MatchTarget[];
    lists?: readonly MatchableEntry['list'][];
    now: Date;
  },
): Promise<ListHit[]> {
  const all = await listListEntries(tx, { tenantId: input.tenantId });
  const entries: MatchableEntry[] = all
    .filter((e) => !input.lists || input.lists.includes(e.list))
    .map((e) => ({
      id: e.id,
      scope: e.scope,
      source: e.source ?? 'console',
      list: e.list,
      matchKind: e.matchKind,
      value: e.value,
      artifactType: (e.artifactType ?? null) as MatchableEntry['artifactType'],
      criticality: e.criticality ?? null,
      reason: e.reason ?? '',
      owner: e.owner ?? '',
      expiresAt: e.expiresAt ?? null,
    }));
  return input.targets.map((target) => ({ target, entries: matchEntries(entries, target, input.now) }));
}
