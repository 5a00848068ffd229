import { readFileSync, writeFileSync } from 'node:fs';
import { hashPassword } from '@palisade/db/password';
import { memberships, users } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/trpc/root';
import { ADMIN_CASES } from '@/test/admin-isolation-cases';
import { ENRICHMENT_CASES } from '@/test/enrichment-isolation-cases';
import { GROUPING_CASES } from '@/test/grouping-isolation-cases';
import { type IncidentFixtures, seedIncidentFixtures } from '@/test/incident-fixtures';
import type { Caller, Case } from '@/test/isolation-case';
import { KPIS_CASES } from '@/test/kpis-isolation-cases';
import { NOTIFICATIONS_CASES } from '@/test/notifications-isolation-cases';
import { PLAYBOOK_CASES } from '@/test/playbook-isolation-cases';
import { PLAYBOOK_TEMPLATE_CASES } from '@/test/playbook-template-isolation-cases';
import {
  type MatrixContext,
  type MatrixRole,
  type ProcedurePath,
  ROLE_MATRIX,
  ROLES,
  renderRolesTable,
} from '@/test/role-matrix';
import { SLA_CASES } from '@/test/sla-isolation-cases';
import { callerFor, type Fixtures, seedFixtures, type TestUser } from '@/test/trpc-fixtures';

// Every procedure of the app router, called on tenant A's data by every role. FORBIDDEN and
// UNAUTHORIZED are refusals; NOT_FOUND is one for the analyst not assigned to A (A is outside its
// scope), while for the others it means the check passed and the record did not exist. A procedure
// without a matrix row fails the first test, like the isolation suite.

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();

/** The isolation cases' calls (valid calls on tenant A), used where a matrix row has none of its own. */
const AREA_CALLS: Record<string, Case['call']> = Object.fromEntries(
  Object.entries({
    ...ENRICHMENT_CASES,
    ...PLAYBOOK_CASES,
    ...NOTIFICATIONS_CASES,
    ...ADMIN_CASES,
    ...KPIS_CASES,
    ...PLAYBOOK_TEMPLATE_CASES,
    ...GROUPING_CASES,
    ...SLA_CASES,
  } as Record<string, Case>).map(([path, c]) => [path, c.call]),
);

const ROLES_DOC = new URL('../../../../../docs/roles.md', import.meta.url);
const TABLE_START = '<!-- role-matrix:start (generated: UPDATE_ROLES_DOC=1 vitest run role-matrix) -->';
const TABLE_END = '<!-- role-matrix:end -->';

let m: MatrixContext;
let callers: Record<MatrixRole, () => Promise<Caller>>;

async function addUser(kind: 'staff' | 'client', label: string): Promise<TestUser> {
  const id = crypto.randomUUID();
  await t.db.insert(users).values({
    id,
    email: `${label}-${id.slice(0, 8)}@fixture.test`,
    name: label,
    passwordHash: await hashPassword('matrix-password-1'),
    kind,
  });
  return { id, kind };
}

beforeAll(async () => {
  const fx: Fixtures = await seedFixtures(t.db);
  const ix: IncidentFixtures = await seedIncidentFixtures(t.db, fx);
  const outsider = await addUser('staff', 'analyst-of-b');
  await t.db.insert(memberships).values({ tenantId: fx.b.id, userId: outsider.id, role: 'analyst' });
  const viewer = await addUser('client', 'viewer-of-a');
  await t.db.insert(memberships).values({ tenantId: fx.a.id, userId: viewer.id, role: 'client_viewer' });
  m = { fx, ix };
  // A new context per call: each call is its own request, as in the browser.
  callers = {
    mssp_admin: () => callerFor(fx.admin),
    analyst_assigned: () => callerFor(fx.analyst),
    analyst_unassigned: () => callerFor(outsider),
    client_admin: () => callerFor(fx.clientA),
    client_viewer: () => callerFor(viewer),
  };
});

type Verdict = 'allowed' | 'refused';

async function verdict(role: MatrixRole, path: ProcedurePath): Promise<{ verdict: Verdict; code?: string }> {
  const row = ROLE_MATRIX[path];
  const area = AREA_CALLS[path];
  const call = row.call ?? (area ? (c: Caller, ctx: MatrixContext) => area(c, ctx.fx) : undefined);
  if (!call) throw new Error(`${path}: no call in the matrix row nor in its isolation cases`);
  try {
    await call(await callers[role](), m);
    return { verdict: 'allowed' };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const refused =
      code === 'FORBIDDEN' ||
      code === 'UNAUTHORIZED' ||
      (code === 'NOT_FOUND' && role === 'analyst_unassigned');
    return { verdict: refused ? 'refused' : 'allowed', code };
  }
}

const paths = Object.keys(ROLE_MATRIX) as ProcedurePath[];

describe('role × action matrix', () => {
  it('has a row for every procedure of the router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual([...paths].sort());
  });

  it('docs/roles.md lists exactly this matrix', () => {
    // UPDATE_ROLES_DOC=1 rewrites the table after a deliberate change (like a snapshot update).
    const table = `${TABLE_START}\n${renderRolesTable(ROLE_MATRIX)}\n${TABLE_END}`;
    const section = (doc: string) =>
      doc.slice(doc.indexOf(TABLE_START), doc.indexOf(TABLE_END) + TABLE_END.length);
    if (process.env.UPDATE_ROLES_DOC === '1') {
      const doc = readFileSync(ROLES_DOC, 'utf8');
      writeFileSync(ROLES_DOC, doc.replace(section(doc), table));
    }
    expect(section(readFileSync(ROLES_DOC, 'utf8'))).toBe(table);
  });

  it.each(paths)('%s', async (path) => {
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const role of ROLES) {
      const result = await verdict(role, path);
      seen[role] = result.verdict + (result.code ? ` (${result.code})` : '');
      want[role] = ROLE_MATRIX[path].allow.includes(role) ? 'allowed' : 'refused';
    }
    const plain = Object.fromEntries(Object.entries(seen).map(([r, v]) => [r, v.split(' ')[0]]));
    expect(plain, JSON.stringify(seen)).toEqual(want);
  });
});
