import { updateTenantBranding } from '@palisade/db/queries/branding/update-branding';
import { getReport } from '@palisade/db/queries/reports/report-store';
import { requestReport } from '@palisade/db/queries/reports/request-report';
import { setReportSchedule } from '@palisade/db/queries/reports/schedules';
import { outbox, tenantContacts } from '@palisade/db/schema';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstPageGray, pdfToText, readStoredPdf, regionSpread } from '../../test/pdf-tools';
import { startTestWorker, type TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';
import type { JobDefinition } from '../jobs/define-job';
import { deliverEmailJob } from '../notifications/deliver-email-job';
import { enqueuePeriodicReports } from './enqueue-periodic-reports-job';
import { generateReportJob } from './generate-report-job';
import { ARTIFACT_PAGE_SIZE } from './render-report';
import { type ReportFixture, seedReportFixture } from './seed-report-fixture';

// The cover's logo box (points): see CoverPage in pdf/report-frame.tsx.
const LOGO_BOX = { x: 48, y: 24, w: 96, h: 96 };

/** A 64×64 black-and-white checkerboard: unmistakable pixels in the logo box. */
const checkerPng = () => {
  const raw = Buffer.alloc(64 * 64 * 3);
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 64; x++)
      raw.fill((x >> 3) % 2 === (y >> 3) % 2 ? 0 : 255, (y * 64 + x) * 3, (y * 64 + x) * 3 + 3);
  return sharp(raw, { raw: { width: 64, height: 64, channels: 3 } })
    .png()
    .toBuffer();
};

describe('report generation', () => {
  let db: TestDatabase;
  let worker: TestWorker;
  let a: SeededTenant;
  let b: SeededTenant;
  let small: ReportFixture;
  const previousKey = process.env.PALISADE_SECRET_KEY;

  beforeAll(async () => {
    process.env.PALISADE_SECRET_KEY = 'ab'.repeat(32);
    db = await openTestDatabase('postgres');
    [a, b] = (await seedTenants(db.database.db, 2)) as [SeededTenant, SeededTenant];
    small = await seedReportFixture(db.database.db, {
      tenantId: a.id,
      artifactCount: 3,
      analystUserId: a.clientUser.id,
    });
    const logo = await checkerPng();
    await withTenantOn(db.database.db, a.id, async (tx) => {
      await updateTenantBranding(tx, {
        tenantId: a.id,
        fields: {
          companyName: 'Acme Health Security',
          primaryColor: '#0f766e',
          accentColor: '#14b8a6',
          legalFooter: 'Acme legal footer 2026',
        },
        logo: { bytes: logo, mime: 'image/png' },
        actorUserId: null,
      });
      await tx
        .insert(tenantContacts)
        .values({ tenantId: a.id, kind: 'report_recipient', name: 'CISO', email: 'ciso@acme.test' });
    });
    worker = await startTestWorker(db, [generateReportJob, deliverEmailJob] as JobDefinition[]);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await db?.close();
    if (previousKey === undefined) delete process.env.PALISADE_SECRET_KEY;
    else process.env.PALISADE_SECRET_KEY = previousKey;
  });

  const ready = (tenantId: string, reportId: string) =>
    waitFor(
      async () => {
        const r = await withTenantOn(db.database.db, tenantId, (tx) => getReport(tx, reportId));
        if (r.status === 'failed') throw new Error(`report failed: ${r.error}`);
        return r.status === 'ready' ? r : undefined;
      },
      { timeoutMs: 120_000, what: 'the report to be ready' },
    );

  const request = (tenantId: string, incidentId: string, emailRecipients = false) =>
    withTenantOn(db.database.db, tenantId, (tx) =>
      requestReport(tx, { kind: 'incident', tenantId, incidentId, emailRecipients, createdBy: null }),
    );

  it('renders an incident report with every section, the figures, and user text as text', async () => {
    const { reportId, version } = await request(a.id, small.incidentId, true);
    expect(version).toBe(1);
    const report = await ready(a.id, reportId);
    expect(report).toMatchObject({ progress: 100, stage: 'ready' });
    const pdf = await readStoredPdf(db.database.db, a.id, reportId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(report.byteSize);
    const text = await pdfToText(pdf);
    for (const section of [
      'INCIDENT REPORT',
      'Executive summary',
      'Incident facts',
      'Timeline',
      'Artifacts and enrichment',
      'MITRE ATT&CK techniques',
      'Response KPIs and SLA',
      'Recommendations',
      'Analyst notes',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain(small.reference);
    expect(text).toContain('Acme Health Security');
    expect(text).toContain('Acme legal footer 2026');
    expect(text).toMatch(/Page 2 of \d/);
    // The narrative's markup is printed, not interpreted.
    expect(text).toContain('<b>No data left the network.</b>');
    expect(text).toContain('Enforce phishing-resistant MFA');
    expect(text).toContain(`login-vpn.${small.incidentId.slice(0, 8)}.example.test`);
    expect(text).toMatch(/malicious\s+92/);
    expect(text).toContain('engines flagging: 14');
    expect(text).toContain('T1566 Phishing');
    expect(text).toMatch(/initial access/i);
    expect(text).toMatch(/credential access/i);
    // KPIs: assigned after 12 min, resolved after 3 h 05; the assign SLA met, the resolve SLA breached.
    expect(text).toMatch(/12 min\s+12 min\s+3 h 05 min/);
    expect(text).toMatch(/Assigned analyst\s+Client [0-9a-f]{8}/);
    expect(text).toMatch(/time to assign\s+met/);
    expect(text).toMatch(/time to resolve\s+breached/);
    expect(text).toContain('Blocked the sender domain');
    expect(text).not.toContain('INTERNAL: check the analyst rota');
    expect(report.pageCount).toBeGreaterThanOrEqual(2);

    // Emailed to the report recipient with an expiring link, once.
    const mails = await withTenantOn(db.database.db, a.id, (tx) =>
      tx
        .select()
        .from(outbox)
        .where(eq(outbox.idempotencyKey, `report:${reportId}`)),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['ciso@acme.test']);
    expect(mails[0]?.text).toMatch(new RegExp(`/api/reports/v1/links/${a.id}\\.${reportId}\\.\\d+\\.`));
  }, 120_000);

  it('draws the uploaded logo on the cover; without a logo that region is a flat colour band', async () => {
    const withLogo = await request(a.id, small.incidentId);
    const pdfA = await readStoredPdf(db.database.db, a.id, (await ready(a.id, withLogo.reportId)).id);
    expect(withLogo.version).toBe(2);
    expect(regionSpread(await firstPageGray(pdfA), LOGO_BOX)).toBeGreaterThan(40);

    const other = await seedReportFixture(db.database.db, {
      tenantId: b.id,
      artifactCount: 1,
      analystUserId: b.clientUser.id,
    });
    const noLogo = await request(b.id, other.incidentId);
    const pdfB = await readStoredPdf(db.database.db, b.id, (await ready(b.id, noLogo.reportId)).id);
    expect(regionSpread(await firstPageGray(pdfB), LOGO_BOX)).toBeLessThan(2);
  }, 120_000);

  it('pages through more artifacts than one read returns and prints all of them', async () => {
    const count = ARTIFACT_PAGE_SIZE + 150;
    const big = await seedReportFixture(db.database.db, {
      tenantId: a.id,
      artifactCount: count,
      analystUserId: a.clientUser.id,
    });
    const { reportId } = await request(a.id, big.incidentId);
    const report = await ready(a.id, reportId);
    const text = await pdfToText(await readStoredPdf(db.database.db, a.id, reportId));
    const short = big.incidentId.slice(0, 8);
    expect(text).toContain(`${count} artifacts`);
    expect(text).toContain('Contents');
    for (const i of [2, 999, 1000, count - 1]) expect(text).toContain(`host-${i}.${short}.example.test`);
    expect(report.pageCount).toBeGreaterThan(10);
  }, 180_000);

  it('renders a periodic report with counts, SLA compliance and techniques; the schedule queues each slot once', async () => {
    const now = new Date('2026-11-03T10:00:00Z');
    await withTenantOn(db.database.db, a.id, (tx) =>
      setReportSchedule(tx, {
        tenantId: a.id,
        frequency: 'monthly',
        enabled: true,
        emailRecipients: false,
        actorUserId: a.clientUser.id,
      }),
    );
    const first = await enqueuePeriodicReports(db.database.db, now);
    const again = await enqueuePeriodicReports(db.database.db, now);
    expect(first).toEqual({ queued: 1, existing: 0 });
    expect(again).toEqual({ queued: 0, existing: 1 });
    const [queued] = await withTenantOn(db.database.db, a.id, (tx) =>
      tx.query.reports.findMany({ where: (r, { eq }) => eq(r.kind, 'periodic') }),
    );
    if (!queued) throw new Error('no periodic report queued');
    expect(queued).toMatchObject({
      frequency: 'monthly',
      title: 'Monthly security report 2026-10-01 to 2026-10-31',
    });
    const report = await ready(a.id, queued.id);
    const text = await pdfToText(await readStoredPdf(db.database.db, a.id, report.id));
    for (const s of [
      'PERIODIC SECURITY REPORT',
      'By severity',
      'By status',
      'SLA compliance',
      'KPI trends',
      'Top artifacts',
      'Top ATT&CK techniques',
      'Notable incidents',
    ]) {
      expect(text).toContain(s);
    }
    // The October incidents of tenant A: the small one and the paging one (both resolved, high).
    expect(text).toMatch(/compliance 100%/); // assign: met twice
    expect(text).toMatch(/compliance 0%/); // resolve: breached twice
    expect(text).toContain(small.reference);
    expect(text).toMatch(/T1566\s+Phishing\s+\d+ incidents/);
  }, 120_000);
});
