import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { playbooks, playbookTemplates, playbookVersions } from '../../schema/index';

export type NewPlaybookVersion = {
  tenantId: string;
  slug: string;
  name: string;
  triggerType: string;
  source: string;
  /** The validated definition; the caller (who imports the engine) validated `source`. */
  definition: unknown;
  createdBy: string | null;
  note?: string;
  templateId?: string;
  templateVersion?: number;
};

/**
 * Saves `source` as the next immutable version of the tenant's playbook `slug`, creating the playbook on
 * its first save. The head row is locked, so two concurrent saves get consecutive numbers.
 */
export async function savePlaybookVersion(
  tx: Tx,
  input: NewPlaybookVersion,
): Promise<{ playbookId: string; version: number; created: boolean }> {
  const [head] = await tx
    .select({ id: playbooks.id, currentVersion: playbooks.currentVersion })
    .from(playbooks)
    .where(and(eq(playbooks.tenantId, input.tenantId), eq(playbooks.slug, input.slug)))
    .for('update');
  const playbookId = head?.id ?? crypto.randomUUID();
  const version = (head?.currentVersion ?? 0) + 1;
  if (head) {
    await tx
      .update(playbooks)
      .set({
        name: input.name,
        triggerType: input.triggerType,
        currentVersion: version,
        updatedAt: sql`now()`,
      })
      .where(and(eq(playbooks.tenantId, input.tenantId), eq(playbooks.id, playbookId)));
  } else {
    await tx.insert(playbooks).values({
      tenantId: input.tenantId,
      id: playbookId,
      slug: input.slug,
      name: input.name,
      triggerType: input.triggerType,
      currentVersion: version,
      templateId: input.templateId ?? null,
      templateVersion: input.templateVersion ?? null,
    });
  }
  await tx.insert(playbookVersions).values({
    tenantId: input.tenantId,
    playbookId,
    version,
    source: input.source,
    definition: input.definition,
    createdBy: input.createdBy,
    note: input.note ?? null,
  });
  return { playbookId, version, created: !head };
}

export async function listPlaybooks(tx: Tx, tenantId: string) {
  return tx.select().from(playbooks).where(eq(playbooks.tenantId, tenantId)).orderBy(asc(playbooks.slug));
}

export async function getPlaybook(tx: Tx, tenantId: string, playbookId: string) {
  const [row] = await tx
    .select()
    .from(playbooks)
    .where(and(eq(playbooks.tenantId, tenantId), eq(playbooks.id, playbookId)));
  return row;
}

export async function getPlaybookBySlug(tx: Tx, tenantId: string, slug: string) {
  const [row] = await tx
    .select()
    .from(playbooks)
    .where(and(eq(playbooks.tenantId, tenantId), eq(playbooks.slug, slug)));
  return row;
}

/** Enabled playbooks whose current version has this trigger type (event triggers). */
export async function listPlaybooksByTrigger(tx: Tx, tenantId: string, triggerType: string) {
  return tx
    .select()
    .from(playbooks)
    .where(
      and(
        eq(playbooks.tenantId, tenantId),
        eq(playbooks.triggerType, triggerType),
        eq(playbooks.enabled, true),
      ),
    );
}

export async function listPlaybookVersions(tx: Tx, tenantId: string, playbookId: string) {
  return tx
    .select({
      version: playbookVersions.version,
      createdBy: playbookVersions.createdBy,
      createdAt: playbookVersions.createdAt,
      note: playbookVersions.note,
    })
    .from(playbookVersions)
    .where(and(eq(playbookVersions.tenantId, tenantId), eq(playbookVersions.playbookId, playbookId)))
    .orderBy(desc(playbookVersions.version));
}

export async function getPlaybookVersion(tx: Tx, tenantId: string, playbookId: string, version: number) {
  const [row] = await tx
    .select()
    .from(playbookVersions)
    .where(
      and(
        eq(playbookVersions.tenantId, tenantId),
        eq(playbookVersions.playbookId, playbookId),
        eq(playbookVersions.version, version),
      ),
    );
  return row;
}

/** The definitions of every playbook of the tenant at its current version (for validating `call:`). */
export async function listCurrentDefinitions(tx: Tx, tenantId: string) {
  return tx
    .select({ slug: playbooks.slug, definition: playbookVersions.definition })
    .from(playbooks)
    .innerJoin(
      playbookVersions,
      and(
        eq(playbookVersions.tenantId, playbooks.tenantId),
        eq(playbookVersions.playbookId, playbooks.id),
        eq(playbookVersions.version, playbooks.currentVersion),
      ),
    )
    .where(eq(playbooks.tenantId, tenantId));
}

export async function listPlaybookTemplates(tx: Tx) {
  return tx
    .select()
    .from(playbookTemplates)
    .orderBy(asc(playbookTemplates.id), desc(playbookTemplates.version));
}
