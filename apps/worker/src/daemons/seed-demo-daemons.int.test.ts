import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '../../test/test-database';
import { seedDemoDaemons } from './seed-demo-daemons';
import { type DaemonHarness, openDaemonHarness } from './test/daemon-harness';

describe.each(TEST_DATABASE_KINDS)('demo daemons on %s', (kind) => {
  let h: DaemonHarness;
  beforeAll(async () => {
    h = await openDaemonHarness(kind, 2);
  });
  afterAll(() => h.close());

  it('seeds a syslog listener, an offline feed and the stale check once, and the feed loads indicators', async () => {
    const ids = h.tenants.map((t) => t.id);
    expect(await seedDemoDaemons(h.db.database.db, ids)).toEqual({ created: 4 });
    expect(await seedDemoDaemons(h.db.database.db, ids)).toEqual({ created: 0 });
    const rows = await h.query<{ tenant_id: string; kind: string }>(
      'select tenant_id, kind from public.daemons order by kind',
    );
    expect(rows.filter((r) => r.tenant_id === ids[0]).map((r) => r.kind)).toEqual([
      'file-feed',
      'stale-incidents',
      'syslog',
    ]);
    expect(rows.filter((r) => r.tenant_id === ids[1]).map((r) => r.kind)).toEqual(['stale-incidents']);

    // Due at once (interval schedules): one tick runs the feed and both stale checks.
    const s = h.scheduler({ concurrency: 8 });
    expect(await s.tick()).toBe(3);
    await s.idle();
    const indicators = await h.query<{ type: string; value: string; source: string }>(
      'select type, value, source from public.threat_indicators where tenant_id = $1 order by value',
      [ids[0]],
    );
    expect(indicators).toEqual(
      expect.arrayContaining([
        { type: 'ipv4', value: '203.0.113.66', source: 'list:demo' },
        { type: 'url', value: 'http://phish.example/login', source: 'list:demo' },
        {
          type: 'sha256',
          value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
          source: 'list:demo',
        },
        { type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f', source: 'list:demo' },
      ]),
    );
  });
});
