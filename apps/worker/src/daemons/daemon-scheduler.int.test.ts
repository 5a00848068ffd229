import { claimDueDaemons } from '@palisade/db/queries/daemons/daemon-runs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '../../test/test-database';
import { type DaemonHarness, openDaemonHarness } from './test/daemon-harness';

const stale = (name: string) =>
  `name: ${name}\nkind: stale-incidents\nschedule:\n  every: 1h\ninputs:\n  recipients:\n    socManagement: false\n    emails: [soc@example.com]\n`;

describe.each(TEST_DATABASE_KINDS)('daemon scheduler claims on %s', (kind) => {
  let h: DaemonHarness;
  beforeAll(async () => {
    h = await openDaemonHarness(kind, 2);
  });
  afterAll(() => h.close());

  const claim = (owner: string, tenantCap = 2, limit = 10) =>
    claimDueDaemons(h.db.database.db, { owner, limit, leaseSeconds: 60, tenantCap });
  const freeAll = () =>
    h.query('update public.daemons set lease_until = null, lease_owner = null, next_run_at = now()');

  it('never hands one daemon to two runs, caps runs per tenant, skips suspended tenants', async () => {
    const [a, b] = h.tenants;
    if (!a || !b) throw new Error('no tenants');
    for (const n of ['a1', 'a2', 'a3']) await h.save(a.id, stale(n));
    await h.save(b.id, stale('b1'));

    // Tenant A: 3 due, cap 2; tenant B: 1.
    const first = await claim('w1');
    expect(first.filter((c) => c.tenantId === a.id)).toHaveLength(2);
    expect(first.filter((c) => c.tenantId === b.id)).toHaveLength(1);
    // A second worker gets nothing: the third of A is over the cap (2 leases held), the rest are leased.
    expect(await claim('w2')).toEqual([]);

    // Leases expire (a dead worker): the daemons are claimable again.
    await h.query("update public.daemons set lease_until = now() - interval '1 second'");
    expect(await claim('w3')).toHaveLength(3);

    await freeAll();
    await h.query("update public.tenants set status = 'suspended' where id = $1", [a.id]);
    const onlyB = await claim('w4');
    expect(onlyB.map((c) => c.tenantId)).toEqual([b.id]);
    await h.query("update public.tenants set status = 'active' where id = $1", [a.id]);
  });

  it('a disabled daemon or one not due yet is not claimed; a finished run schedules the next', async () => {
    const [, b] = h.tenants;
    if (!b) throw new Error('no tenant');
    await h.query(
      'update public.daemons set lease_until = null, lease_owner = null, next_run_at = null, enabled = false',
    );
    const d = await h.save(b.id, stale('b-next'));
    // Due as the database writes it (microseconds), not as a JS Date: the finish must still reschedule.
    await h.query(
      'update public.daemons set next_run_at = clock_timestamp() where tenant_id = $1 and id = $2',
      [b.id, d.id],
    );
    const s = h.scheduler();
    expect(await s.tick()).toBe(1);
    await s.idle();
    expect(await h.lastRun(b.id, d.id)).toMatchObject({ status: 'succeeded' });
    const [row] = await h.query<{ next_run_at: Date; lease_owner: string | null; last_status: string }>(
      'select next_run_at, lease_owner, last_status from public.daemons where tenant_id = $1 and id = $2',
      [b.id, d.id],
    );
    expect(row?.lease_owner).toBeNull();
    expect(row?.last_status).toBe('succeeded');
    // Next run one interval later: not due now.
    expect(new Date(row?.next_run_at as Date).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(await s.tick()).toBe(0);
  });
});
