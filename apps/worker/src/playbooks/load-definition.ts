import type { Tx } from '@palisade/db/client';
import { getPlaybookVersion } from '@palisade/db/queries/playbooks/catalog';
import { Playbook } from '@palisade/playbook/definition';

/** Versions are immutable, so a parsed definition can be kept for the life of the process. */
const cache = new Map<string, Playbook>();
const MAX_CACHED = 1000;

export class PlaybookVersionMissingError extends Error {
  readonly code = 'NOT_FOUND' as const;
}

export async function loadDefinition(
  tx: Tx,
  tenantId: string,
  playbookId: string,
  version: number,
): Promise<Playbook> {
  const key = `${tenantId}:${playbookId}:${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = await getPlaybookVersion(tx, tenantId, playbookId, version);
  if (!row) throw new PlaybookVersionMissingError(`playbook ${playbookId} has no version ${version}`);
  const playbook = Playbook.parse(row.definition);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, playbook);
  return playbook;
}
