import { auditLog } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTemplateCopies, templateSource } from '@/test/playbook-template-fixtures';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

/** The tenant's local edit: a new version of its copy, as the editor would save it. */
async function editCopy(tenantId: string, playbookId: string, source: string) {
  const saved = await withTenant(tenantId, (tx) =>
    savePlaybook(tx, { tenantId, playbookId, source, createdBy: null }),
  );
  if (!saved.ok) throw new Error(saved.errors.map((e) => e.message).join('; '));
}

describe('playbook template upgrades', () => {
  it('offers the upgrade with both diffs, merges a non-overlapping local change and applies it', async () => {
    const tpl = await seedTemplateCopies([fx.a.id]);
    const playbookId = tpl.playbookIds[fx.a.id] as string;
    // Local change far from the template's: the second step's value.
    const local = tpl.v1.replace('with: { value: 2 }', 'with: { value: 42 }');
    await editCopy(fx.a.id, playbookId, local);

    const admin = await callerFor(fx.admin);
    const offer = await admin.playbookTemplate.upgrade({ tenantId: fx.a.id, playbookId });
    expect(offer).toMatchObject({
      templateId: tpl.id,
      fromTemplateVersion: 1,
      toTemplateVersion: 2,
      currentVersion: 2,
    });
    const changed = (lines: { op: string; text: string }[]) =>
      lines.filter((l) => l.op !== 'same').map((l) => `${l.op} ${l.text}`);
    expect(changed(offer?.templateDiff ?? [])).toEqual([
      'del version: 1',
      'add version: 2',
      'del     with: { value: "one" }',
      'add     with: { value: "two" }',
    ]);
    expect(changed(offer?.localDiff ?? [])).toEqual([
      'del     with: { value: 2 }',
      'add     with: { value: 42 }',
    ]);
    expect(offer?.merged).toEqual({
      conflicts: 0,
      text: templateSource(tpl.id, 2, 'two').replace('with: { value: 2 }', 'with: { value: 42 }'),
    });

    const applied = await admin.playbookTemplate.applyUpgrade({
      tenantId: fx.a.id,
      playbookId,
      toTemplateVersion: 2,
      source: offer?.merged.text ?? '',
    });
    expect(applied).toEqual({ ok: true, version: 3 });
    const got = await admin.playbook.get({ tenantId: fx.a.id, playbookId });
    expect(got.playbook.templateVersion).toBe(2);
    expect(got.version.source).toContain('value: 42');
    expect(got.version.source).toContain('value: "two"');
    expect(got.version.note).toBe(`template ${tpl.id} upgraded v1 → v2`);
    expect(await admin.playbookTemplate.upgrade({ tenantId: fx.a.id, playbookId })).toBeNull();
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `playbook:${playbookId}`));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'playbook.template_upgrade',
        actorUserId: fx.admin.id,
        before: { version: 2, templateVersion: 1 },
        after: { version: 3, templateVersion: 2 },
      }),
    ]);
  });

  it('a line both changed is a conflict: markers are refused, a resolved edit is applied, bad YAML is reported', async () => {
    const tpl = await seedTemplateCopies([fx.c.id]);
    const playbookId = tpl.playbookIds[fx.c.id] as string;
    await editCopy(fx.c.id, playbookId, tpl.v1.replace('value: "one"', 'value: "local"'));
    const admin = await callerFor(fx.admin);
    const offer = await admin.playbookTemplate.upgrade({ tenantId: fx.c.id, playbookId });
    expect(offer?.merged.conflicts).toBe(1);
    expect(offer?.merged.text).toContain('<<<<<<< tenant');

    const apply = (source: string, toTemplateVersion = 2) =>
      admin.playbookTemplate.applyUpgrade({ tenantId: fx.c.id, playbookId, toTemplateVersion, source });
    await expect(apply(offer?.merged.text ?? '')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(apply(templateSource(tpl.id, 2, 'local'), 3)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/published meanwhile/),
    });
    const broken = await apply('id: [unclosed');
    expect(broken.ok).toBe(false);
    // Nothing was written by the refused attempts.
    expect((await admin.playbook.get({ tenantId: fx.c.id, playbookId })).playbook).toMatchObject({
      currentVersion: 2,
      templateVersion: 1,
    });
    expect(await apply(templateSource(tpl.id, 2, 'local'))).toEqual({ ok: true, version: 3 });
  });

  it('an analyst sees the offer but cannot apply it', async () => {
    const tpl = await seedTemplateCopies([fx.a.id]);
    const playbookId = tpl.playbookIds[fx.a.id] as string;
    const analyst = await callerFor(fx.analyst);
    expect(await analyst.playbookTemplate.upgrade({ tenantId: fx.a.id, playbookId })).not.toBeNull();
    await expect(
      analyst.playbookTemplate.applyUpgrade({
        tenantId: fx.a.id,
        playbookId,
        toTemplateVersion: 2,
        source: tpl.v2,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
