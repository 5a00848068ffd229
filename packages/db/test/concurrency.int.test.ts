import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships, tenants } from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { rows } from './helpers';

// Many transactions with different scopes interleaved on one pool (PGlite: one session, serialized):
// none may ever observe another's scope, and a connection returned to the pool carries none.
const t = useTestDatabase();
let seeded: SeededTenant[];

beforeAll(async () => {
  seeded = await seedTenants(t.db, 6);
});

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('concurrent scopes', () => {
  it('200 interleaved withTenant calls each see exactly their own scope', async () => {
    const scopes = Array.from({ length: 200 }, (_, i) => {
      // single tenants, pairs and triples, rotating so neighbours differ
      const size = (i % 3) + 1;
      return sorted(
        new Set(Array.from({ length: size }, (_, k) => seeded[(i + k * 2) % seeded.length]?.id ?? '')),
      );
    });
    const results = await Promise.all(
      scopes.map((scope) =>
        withTenantOn(t.app.db, scope, async (tx) => {
          // Several round trips per transaction so that transactions overlap on the pool.
          const first = await tx.select({ id: tenants.id }).from(tenants);
          const [pid] = await rows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
          const members = await tx.select({ tenantId: memberships.tenantId }).from(memberships);
          const [scope] = await rows<{ scope: string[] }>(
            tx,
            sql`select public.current_scope()::text[] as scope`,
          );
          const again = await tx.select({ id: tenants.id }).from(tenants);
          return {
            first: sorted(first.map((r) => r.id)),
            members: sorted(new Set(members.map((r) => r.tenantId))),
            scope: sorted(scope?.scope ?? []),
            again: sorted(again.map((r) => r.id)),
            pid: pid?.pid,
          };
        }),
      ),
    );
    results.forEach((seen, i) => {
      expect(seen.first).toEqual(scopes[i]);
      expect(seen.members).toEqual(scopes[i]);
      expect(seen.scope).toEqual(scopes[i]);
      expect(seen.again).toEqual(scopes[i]);
    });
    if (t.kind === 'postgres') {
      // The test means something only if the pool really ran transactions side by side.
      expect(new Set(results.map((r) => r.pid)).size).toBeGreaterThan(1);
    }
  });

  it('failures in some transactions do not leak their scope into the next users of the connection', async () => {
    const outcomes = await Promise.allSettled(
      seeded.flatMap((tenant, i) => [
        withTenantOn(t.app.db, tenant.id, async (tx) => {
          await tx.select().from(tenants);
          throw new Error(`boom ${i}`);
        }),
        withTenantOn(t.app.db, [], (tx) => tx.select({ id: tenants.id }).from(tenants)),
      ]),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(seeded.length);
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') expect(outcome.value).toEqual([]);
    }
  });
});
