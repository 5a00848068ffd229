import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NotFoundError } from '@palisade/db/errors';
import { saveTier1Rule } from '@palisade/db/queries/contacts/tier1-rule';
import { incidentReference } from '@palisade/db/queries/incidents/incident-reference';
import {
  artifacts,
  incidentArtifacts,
  incidents,
  listEntries,
  tenantContacts,
  tenants,
} from '@palisade/db/schema';
import type { SeededTenant } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playbookHarness } from '../../test/playbook-harness';
import type { TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { queueTier1Notice } from './queue-tier1-notice';

const TIER1_YAML = readFileSync(
  new URL('../../../../packages/playbook/playbooks/tier1-notification.yaml', import.meta.url),
  'utf8',
);
const PUBLIC_URL = 'https://soc.example.test';

type OutboxRow = {
  tenant_id: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  kind: string;
};

beforeAll(() => {
  process.env.PALISADE_SECRET_KEY ??= randomBytes(32).toString('hex');
  process.env.PALISADE_PUBLIC_URL = PUBLIC_URL;
});
afterAll(() => {
  delete process.env.PALISADE_PUBLIC_URL;
});

describe.each(TEST_DATABASE_KINDS)('tier 1 notification on %s', (kind) => {
  let db: TestDatabase;
  let h: ReturnType<typeof playbookHarness>;
  let acme: SeededTenant;
  let globex: SeededTenant;
  let worker: TestWorker | undefined;
  let number = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    h = playbookHarness(db);
    [acme, globex] = (await h.seed(2)) as [SeededTenant, SeededTenant];
    const owner = db.database.db;
    await owner
      .update(tenants)
      .set({ name: 'Acme Corp', aliases: ['ACME'], primaryColor: '#112233', accentColor: '#445566' })
      .where(eq(tenants.id, acme.id));
    await owner.update(tenants).set({ name: 'Globex' }).where(eq(tenants.id, globex.id));
    await owner.insert(tenantContacts).values([
      { tenantId: acme.id, kind: 'primary', name: 'Alice Acme', email: 'alice@acme.test' },
      { tenantId: acme.id, kind: 'escalation', name: 'Eve Acme', email: 'eve@acme.test', position: 1 },
      { tenantId: globex.id, kind: 'primary', name: 'Gary Globex', email: 'gary@globex.test' },
    ]);
    // Acme's own resolver is allow-listed: it must not appear in the client's notice.
    await owner.insert(listEntries).values({
      tenantId: acme.id,
      list: 'allow',
      matchKind: 'value',
      value: '192.0.2.10',
      artifactType: 'ipv4',
    });
    // Installs pg-boss and the queues (deliver-email among them) that queueing an email needs.
    await (await h.startWorker()).stop();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await db.close();
  });

  /** An incident with artifacts in the tenant (owner connection: fixtures). */
  async function incident(
    tenantId: string,
    opts: {
      severity: 'critical' | 'high' | 'medium' | 'low';
      description: string;
      artifacts: [string, string][];
    },
  ) {
    const id = crypto.randomUUID();
    const now = new Date();
    const owner = db.database.db;
    await owner.insert(incidents).values({
      tenantId,
      id,
      number: ++number,
      title: `Beacon ${number}`,
      description: opts.description,
      severity: opts.severity,
      priority: 'p2',
      firstAlertAt: now,
      lastAlertAt: now,
    });
    const rows = opts.artifacts.map(([type, value]) => ({ tenantId, id: crypto.randomUUID(), type, value }));
    if (rows.length > 0) {
      await owner.insert(artifacts).values(rows).onConflictDoNothing();
      const stored = await db.query<{ id: string; type: string; value: string }>(
        'select id, type, value from artifacts where tenant_id = $1',
        [tenantId],
      );
      const ids = stored.filter((s) => opts.artifacts.some(([t, v]) => t === s.type && v === s.value));
      await owner
        .insert(incidentArtifacts)
        .values(ids.map((s) => ({ tenantId, incidentId: id, artifactId: s.id })));
    }
    return { id, number };
  }

  const outboxFor = (incidentId: string) =>
    db.query<OutboxRow>(
      'select tenant_id, "to", subject, html, text, kind from outbox where incident_id = $1',
      [incidentId],
    );
  const notice = (
    tenantId: string,
    input: Parameters<typeof queueTier1Notice>[2],
    scope: string | string[] = tenantId,
  ) =>
    withTenantOn(db.database.db, scope, (tx) =>
      queueTier1Notice(tx, tenantId, input, { publicUrl: PUBLIC_URL, now: new Date() }),
    );
  const base = { requireClientMatch: false, ignoreRule: false };

  it('the master section emails the primary contact: number, severity, artifacts, summary, portal link, branding', async () => {
    const inc = await incident(acme.id, {
      severity: 'high',
      description: 'Outbound beacon from ACME-fw01 to a known C2.',
      artifacts: [
        ['domain', 'evil.example'],
        ['ipv4', '198.51.100.7'],
        ['ipv4', '192.0.2.10'],
      ],
    });
    const { playbookId } = await h.save(acme.id, TIER1_YAML);
    worker = await h.startWorker();
    const runId = await h.start({
      tenantId: acme.id,
      playbookId,
      incidentId: inc.id,
      inputs: {
        incident_id: inc.id,
        number: String(inc.number),
        title: `Beacon ${inc.number}`,
        severity: 'high',
      },
    });
    const done = await h.settled(acme.id, runId, 45_000);
    expect(done.run.status).toBe('succeeded');

    // The section passed no IOC list: the incident's own artifacts were used, minus the allow-listed one.
    const sent = await outboxFor(inc.id);
    expect(sent).toHaveLength(1);
    const [mail] = sent as [OutboxRow];
    expect(mail).toMatchObject({ tenant_id: acme.id, to: ['alice@acme.test'], kind: 'tier1' });
    const reference = incidentReference(inc.number);
    expect(mail.subject).toBe(`[HIGH] Incident ${reference}: Beacon ${inc.number}`);
    const portal = `${PUBLIC_URL}/portal/incidents/${inc.id}`;
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Alice Acme');
      expect(body).toContain(reference);
      expect(body).toContain('HIGH');
      expect(body).toContain('evil[.]example');
      expect(body).toContain('198[.]51[.]100[.]7');
      expect(body).toContain('Outbound beacon from ACME-fw01');
      expect(body).toContain(portal);
      expect(body).not.toContain('192[.]0[.]2[.]10');
      expect(body).not.toContain('192.0.2.10');
    }
    expect(mail.html).toContain('#112233'); // the client's primary colour
    expect(mail.html).toContain('Acme Corp');

    const comments = await db.query<{ body: string }>(
      'select body from incident_comments where incident_id = $1',
      [inc.id],
    );
    expect(comments.map((c) => c.body)).toEqual([
      `Tier 1 notice for incident #${inc.number} (high) queued to alice@acme.test (client named in incident.description).`,
    ]);
  }, 60_000);

  it('one email per incident and contact, however often the notice runs', async () => {
    const inc = await incident(acme.id, { severity: 'critical', description: 'x', artifacts: [] });
    const first = await notice(acme.id, { incidentId: inc.id, ...base });
    const again = await notice(acme.id, { incidentId: inc.id, ...base });
    expect(first).toMatchObject({ notified: true, outcome: 'sent', to: 'alice@acme.test' });
    expect(again).toMatchObject({ notified: true, outcome: 'already_sent', messageId: first.messageId });
    expect(await outboxFor(inc.id)).toHaveLength(1);
  });

  it("never uses another tenant's contact", async () => {
    const globexIncident = await incident(globex.id, {
      severity: 'critical',
      description: 'Globex and Acme Corp both named',
      artifacts: [],
    });
    // Acme's scope cannot reach Globex's incident at all.
    await expect(notice(acme.id, { incidentId: globexIncident.id, ...base })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A scope holding both tenants still sends Acme's notice only to Acme's primary contact.
    const acmeIncident = await incident(acme.id, {
      severity: 'critical',
      description: 'Gary Globex cc',
      artifacts: [],
    });
    const both = await notice(acme.id, { incidentId: acmeIncident.id, ...base }, [acme.id, globex.id]);
    expect(both).toMatchObject({ notified: true, to: 'alice@acme.test' });
    // Without its own primary contact a tenant gets no notice, even though another tenant has one.
    const [lonely] = (await h.seed(1)) as [SeededTenant];
    const lonelyIncident = await incident(lonely.id, {
      severity: 'critical',
      description: 'x',
      artifacts: [],
    });
    expect(
      await notice(lonely.id, { incidentId: lonelyIncident.id, ...base }, [lonely.id, globex.id]),
    ).toMatchObject({
      notified: false,
      outcome: 'no_primary_contact',
      to: null,
    });
    const everything = await db.query<{ to: string[]; tenant_id: string }>(
      `select "to", tenant_id from outbox where kind = 'tier1'`,
    );
    expect(everything.filter((m) => m.to.includes('gary@globex.test'))).toEqual([]);
    expect(everything.every((m) => m.tenant_id === acme.id)).toBe(true);
  });

  it("follows the tenant's rule (severities or artifact types) and can require the client to be named", async () => {
    const low = await incident(acme.id, {
      severity: 'low',
      description: 'routine scan',
      artifacts: [['sha256', 'a'.repeat(64)]],
    });
    expect(await notice(acme.id, { incidentId: low.id, ...base })).toMatchObject({
      notified: false,
      outcome: 'rule_not_matched',
      client: { matched: false },
    });
    await withTenantOn(db.database.db, acme.id, (tx) =>
      saveTier1Rule(tx, acme.id, { enabled: true, severities: ['critical'], artifactTypes: ['sha256'] }),
    );
    expect(await notice(acme.id, { incidentId: low.id, ...base, requireClientMatch: true })).toMatchObject({
      notified: false,
      outcome: 'client_not_identified',
    });
    expect(await notice(acme.id, { incidentId: low.id, ...base })).toMatchObject({
      notified: true,
      outcome: 'sent',
    });
    await withTenantOn(db.database.db, acme.id, (tx) =>
      saveTier1Rule(tx, acme.id, { enabled: false, severities: ['critical'], artifactTypes: [] }),
    );
    const crit = await incident(acme.id, { severity: 'critical', description: 'ACME', artifacts: [] });
    expect(await notice(acme.id, { incidentId: crit.id, ...base })).toMatchObject({
      notified: false,
      outcome: 'rule_disabled',
      client: { matched: true, term: 'ACME', field: 'incident.description' },
    });
    await withTenantOn(db.database.db, acme.id, (tx) =>
      saveTier1Rule(tx, acme.id, { enabled: true, severities: ['critical', 'high'], artifactTypes: [] }),
    );
  });
});
