import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { savePlaybookVersion } from '../src/queries/playbooks/catalog';
import { insertRun } from '../src/queries/playbooks/runs';
import { rowsOf } from '../src/rows';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { expectScopeSeesOnlyOwnRows, PERMISSION_DENIED, pgFailure, RLS_VIOLATION, rows } from './helpers';
import { PLAYBOOK_TABLES } from './playbook-tables';

// Tenant A's scope against tenant B's playbook rows, per table, each refusal with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
const ids: Record<string, { playbookId: string; runId: string }> = {};

async function seed(tx: Tx, tenantId: string) {
  const { playbookId } = await savePlaybookVersion(tx, {
    tenantId,
    slug: 'iso',
    name: 'Iso',
    triggerType: 'manual',
    source: 'id: iso',
    definition: { id: 'iso' },
    createdBy: null,
  });
  const runId = crypto.randomUUID();
  await insertRun(tx, {
    tenantId,
    id: runId,
    playbookId,
    version: 1,
    trigger: 'manual',
    dryRun: false,
    state: {},
  });
  await tx.execute(sql`insert into playbook_step_runs (tenant_id, run_id, step_id, attempt, kind, status)
    values (${tenantId}, ${runId}, 's1', 1, 'action', 'succeeded')`);
  await tx.execute(sql`insert into playbook_effects (tenant_id, idempotency_key, run_id, step_id, action_id)
    values (${tenantId}, ${`${runId}:s1`}, ${runId}, 's1', 'email.send')`);
  await tx.execute(sql`insert into playbook_decisions (tenant_id, run_id, step_id, prompt, role, choices)
    values (${tenantId}, ${runId}, 'ask', 'Go?', 'analyst', '{go,stop}')`);
  await tx.execute(sql`insert into outbox (tenant_id, idempotency_key, "to", subject, text)
    values (${tenantId}, ${`${runId}:mail`}, '{soc@example.com}', 'subject', 'body')`);
  return { playbookId, runId };
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  for (const tenant of [a, b])
    ids[tenant.id] = await withTenantOn(t.app.db, tenant.id, (tx) => seed(tx, tenant.id));
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

describe.each(PLAYBOOK_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot touch B's rows", async () => {
    const update = asA((tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${b.id} returning 1`,
      ),
    );
    if (NO_TENANT_UPDATE.has(table)) {
      // No UPDATE grant on tenant_id at all (immutable rows, or the outbox's status-only grant).
      expect((await pgFailure(update)).message).toMatch(PERMISSION_DENIED);
    } else {
      expect(rowsOf(await update)).toEqual([]); // B's rows are invisible, so nothing changes
    }
  });
});

const NO_TENANT_UPDATE = new Set(['playbook_versions', 'playbook_effects', 'outbox']);

describe('playbook writes across tenants', () => {
  it("A's scope cannot start a run on B's playbook or insert B's rows", async () => {
    const bIds = ids[b.id];
    if (!bIds) throw new Error('fixture missing');
    const failure = await pgFailure(
      asA((tx) =>
        insertRun(tx, {
          tenantId: b.id,
          id: crypto.randomUUID(),
          playbookId: bIds.playbookId,
          version: 1,
          trigger: 'manual',
          dryRun: false,
          state: {},
        }),
      ),
    );
    expect(failure.message).toMatch(RLS_VIOLATION);
    // Positive control: the same insert in A's own tenant works.
    const aIds = ids[a.id];
    if (!aIds) throw new Error('fixture missing');
    expect(
      await asA((tx) =>
        insertRun(tx, {
          tenantId: a.id,
          id: crypto.randomUUID(),
          playbookId: aIds.playbookId,
          version: 1,
          trigger: 'manual',
          dryRun: false,
          state: {},
        }),
      ),
    ).toBe(true);
  });

  it('versions and effects are immutable for the app role', async () => {
    for (const table of ['playbook_versions', 'playbook_effects']) {
      const failure = await pgFailure(asA((tx) => tx.execute(sql`delete from ${sql.identifier(table)}`)));
      expect(failure.message).toMatch(PERMISSION_DENIED);
    }
  });

  it('templates are readable by every tenant and writable by none', async () => {
    await t.db.execute(
      sql`insert into playbook_templates (id, version, source) values ('tpl', 1, 'id: tpl')`,
    );
    expect(await asA((tx) => rows(tx, sql`select id from playbook_templates`))).toEqual([{ id: 'tpl' }]);
    const failure = await pgFailure(
      asA((tx) => tx.execute(sql`insert into playbook_templates (id, version, source) values ('x', 1, 'x')`)),
    );
    expect(failure.message).toMatch(PERMISSION_DENIED);
  });
});
