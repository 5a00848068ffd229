import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import { seedTemplateCopies } from './playbook-template-fixtures';
import type { Fixtures } from './trpc-fixtures';

// The playbookTemplate.* rows of the isolation suite: tenants B and C hold a copy of one template v1
// while v2 is published. Fixtures write no audit entries and stay out of tenant A, whose playbooks
// other cases count; the positive controls run on C (the analyst's other tenant).
let seeded: ReturnType<typeof seedTemplateCopies> | undefined;
const tpl = (fx: Fixtures) => {
  seeded ??= seedTemplateCopies([fx.b.id, fx.c.id]);
  return seeded;
};

export const PLAYBOOK_TEMPLATE_CASES = {
  'playbookTemplate.upgrade': {
    call: (c, fx) => c.playbookTemplate.upgrade({ tenantId: fx.a.id, playbookId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const t = await tpl(fx);
      const bId = t.playbookIds[fx.b.id] as string;
      await expect(
        clientA.playbookTemplate.upgrade({ tenantId: fx.b.id, playbookId: bId }),
      ).rejects.toMatchObject(NOT_FOUND);
      // Refused as a client before any lookup: the id need not exist.
      await expect(
        clientA.playbookTemplate.upgrade({ tenantId: fx.a.id, playbookId: crypto.randomUUID() }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const t = await tpl(fx);
      expect(
        await analyst.playbookTemplate.upgrade({
          tenantId: fx.c.id,
          playbookId: t.playbookIds[fx.c.id] as string,
        }),
      ).toMatchObject({
        templateId: t.id,
        fromTemplateVersion: 1,
        toTemplateVersion: 2,
        merged: { conflicts: 0 },
      });
      // B's playbook named under C's tenant is not there.
      await expect(
        analyst.playbookTemplate.upgrade({ tenantId: fx.c.id, playbookId: t.playbookIds[fx.b.id] as string }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'playbookTemplate.applyUpgrade': {
    call: (c, fx) =>
      c.playbookTemplate.applyUpgrade({
        tenantId: fx.a.id,
        playbookId: crypto.randomUUID(),
        toTemplateVersion: 2,
        source: 'id: x',
      }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const t = await tpl(fx);
      const apply = (tenantId: string) => ({
        tenantId,
        playbookId: t.playbookIds[tenantId] ?? crypto.randomUUID(),
        toTemplateVersion: 2,
        source: t.v2,
      });
      await expect(clientA.playbookTemplate.applyUpgrade(apply(fx.b.id))).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.playbookTemplate.applyUpgrade(apply(fx.a.id))).rejects.toMatchObject(FORBIDDEN);
      // Analysts review upgrades; only an MSSP admin applies them.
      await expect(analyst.playbookTemplate.applyUpgrade(apply(fx.c.id))).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }, fx) => {
      const t = await tpl(fx);
      const cId = t.playbookIds[fx.c.id] as string;
      // B's playbook named under C's tenant: not found, nothing written.
      await expect(
        admin.playbookTemplate.applyUpgrade({
          tenantId: fx.c.id,
          playbookId: t.playbookIds[fx.b.id] as string,
          toTemplateVersion: 2,
          source: t.v2,
        }),
      ).rejects.toMatchObject(NOT_FOUND);
      expect(
        await admin.playbookTemplate.applyUpgrade({
          tenantId: fx.c.id,
          playbookId: cId,
          toTemplateVersion: 2,
          source: t.v2,
        }),
      ).toEqual({ ok: true, version: 2 });
      expect(await admin.playbookTemplate.upgrade({ tenantId: fx.c.id, playbookId: cId })).toBeNull();
    },
  },
} satisfies Record<string, Case>;
