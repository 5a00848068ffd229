import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../database';
import { playbooks, playbookTemplates } from '../../schema/index';

export type PlaybookTemplateSource = { id: string; version: number; source: string };

/**
 * Records the shipped MSSP templates as (id, version) rows; a version already recorded is kept as it
 * was, so the history of what tenants derived from stays intact. The owner connection only (the app
 * role reads templates, never writes them): worker start-up.
 */
export async function publishPlaybookTemplates(
  db: Db,
  templates: readonly PlaybookTemplateSource[],
): Promise<number> {
  if (templates.length === 0) return 0;
  const inserted = await db
    .insert(playbookTemplates)
    .values(templates.map((t) => ({ id: t.id, version: t.version, source: t.source })))
    .onConflictDoNothing()
    .returning({ id: playbookTemplates.id });
  return inserted.length;
}

export async function getPlaybookTemplate(tx: Tx, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(playbookTemplates)
    .where(and(eq(playbookTemplates.id, id), eq(playbookTemplates.version, version)));
  return row;
}

export async function latestPlaybookTemplate(tx: Tx, id: string) {
  const [row] = await tx
    .select()
    .from(playbookTemplates)
    .where(eq(playbookTemplates.id, id))
    .orderBy(desc(playbookTemplates.version))
    .limit(1);
  return row;
}

/** After an accepted upgrade: the tenant's copy now derives from template `version`. */
export async function setPlaybookTemplateVersion(
  tx: Tx,
  input: { tenantId: string; playbookId: string; version: number },
): Promise<void> {
  await tx
    .update(playbooks)
    .set({ templateVersion: input.version, updatedAt: sql`now()` })
    .where(and(eq(playbooks.tenantId, input.tenantId), eq(playbooks.id, input.playbookId)));
}
