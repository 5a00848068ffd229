import { createHash } from 'node:crypto';
import type { Db, Tx } from '@palisade/db/database';
import { type Branding, getBranding } from '@palisade/db/queries/branding/get-branding';
import { incidentKpis } from '@palisade/db/queries/kpis/incident-kpis';
import {
  type ArtifactCursor,
  incidentSlaOutcomes,
  loadIncidentReportHeader,
  pageIncidentArtifacts,
  type ReportArtifact,
} from '@palisade/db/queries/reports/incident-report-data';
import { loadPeriodicReportData } from '@palisade/db/queries/reports/periodic-report-data';
import {
  clearReportChunks,
  getReport,
  REPORT_CHUNK_BYTES,
  type ReportSummary,
  setReportProgress,
  writeReportChunk,
} from '@palisade/db/queries/reports/report-store';
import { tenants } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import { renderToStream } from '@react-pdf/renderer';
import { eq } from 'drizzle-orm';
import type { ReactElement } from 'react';
import { IncidentReportDocument } from './pdf/incident-report-document';
import { PeriodicReportDocument } from './pdf/periodic-report-document';
import { reportBrand } from './report-brand';

/** Artifacts read per transaction while an incident report is assembled. */
export const ARTIFACT_PAGE_SIZE = 1000;

export type RenderedReport = { byteSize: number; pageCount: number; sha256: string };

export type RenderDeps = { db: Db; now: () => Date };

/**
 * Renders a queued report and stores its PDF in chunks, updating the report's progress as it goes.
 * Each step is its own short transaction: the console sees the progress, and nothing holds a
 * transaction open while react-pdf lays out pages.
 */
export async function renderReport(
  deps: RenderDeps,
  input: { tenantId: string; reportId: string },
): Promise<{ report: ReportSummary; rendered: RenderedReport } | { report: ReportSummary; rendered: null }> {
  const scoped: Scoped = (fn) => withTenantOn(deps.db, input.tenantId, fn);
  const progress = (value: number, stage: string) =>
    scoped((tx) => setReportProgress(tx, { reportId: input.reportId, progress: value, stage }));

  const start = await scoped(async (tx) => {
    const report = await getReport(tx, input.reportId);
    if (report.status === 'ready') return { report, branding: null, timeZone: 'UTC' };
    await clearReportChunks(tx, input.reportId);
    await setReportProgress(tx, { reportId: input.reportId, progress: 2, stage: 'loading branding' });
    const branding = await getBranding(tx, input.tenantId);
    const [tenant] = await tx
      .select({ timezone: tenants.timezone })
      .from(tenants)
      .where(eq(tenants.id, input.tenantId));
    return { report, branding, timeZone: tenant?.timezone ?? 'UTC' };
  });
  if (!start.branding) return { report: start.report, rendered: null };
  const { report, branding, timeZone } = start;
  const element =
    report.kind === 'incident'
      ? await incidentElement(deps, scoped, progress, { report, branding, timeZone })
      : await periodicElement(deps, scoped, { report, branding, timeZone });
  await progress(60, 'laying out pages');
  const rendered = await storePdf(element, (seq, data) =>
    scoped((tx) => writeReportChunk(tx, { tenantId: input.tenantId, reportId: input.reportId, seq, data })),
  );
  return { report, rendered };
}

type Scoped = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

async function incidentElement(
  deps: RenderDeps,
  scoped: Scoped,
  progress: (value: number, stage: string) => Promise<void>,
  ctx: { report: ReportSummary; branding: Branding; timeZone: string },
): Promise<ReactElement> {
  const incidentId = ctx.report.incidentId;
  if (!incidentId) throw new Error('incident report without an incident');
  const { header, kpis, sla } = await scoped(async (tx) => ({
    header: await loadIncidentReportHeader(tx, incidentId),
    kpis: await incidentKpis(tx, incidentId),
    sla: await incidentSlaOutcomes(tx, incidentId),
  }));
  const artifacts: ReportArtifact[] = [];
  let after: ArtifactCursor | null = null;
  for (;;) {
    const cursor = after;
    const page: ReportArtifact[] = await scoped((tx) =>
      pageIncidentArtifacts(tx, {
        tenantId: ctx.branding.tenantId,
        incidentId,
        after: cursor,
        limit: ARTIFACT_PAGE_SIZE,
      }),
    );
    artifacts.push(...page);
    const last = page.at(-1);
    if (!last || page.length < ARTIFACT_PAGE_SIZE) break;
    after = { rank: last.rank, type: last.type, value: last.value, id: last.id };
    const share = header.artifactCount ? artifacts.length / header.artifactCount : 1;
    await progress(
      5 + 50 * share,
      `artifacts ${artifacts.length.toLocaleString('en')} / ${header.artifactCount.toLocaleString('en')}`,
    );
  }
  return (
    <IncidentReportDocument
      brand={await reportBrand(ctx.branding)}
      header={header}
      artifacts={artifacts}
      kpis={kpis}
      sla={sla}
      timeZone={ctx.timeZone}
      generatedAt={deps.now()}
    />
  );
}

async function periodicElement(
  deps: RenderDeps,
  scoped: Scoped,
  ctx: { report: ReportSummary; branding: Branding; timeZone: string },
): Promise<ReactElement> {
  const { periodStart, periodEnd } = ctx.report;
  if (!periodStart || !periodEnd) throw new Error('periodic report without a period');
  const data = await scoped((tx) =>
    loadPeriodicReportData(tx, {
      tenantId: ctx.branding.tenantId,
      from: periodStart,
      to: periodEnd,
      timeZone: ctx.timeZone,
    }),
  );
  return (
    <PeriodicReportDocument
      brand={await reportBrand(ctx.branding)}
      title={ctx.report.title}
      data={data}
      timeZone={ctx.timeZone}
      generatedAt={deps.now()}
    />
  );
}

// A page object in pdfkit's output (never inside a compressed object stream).
const PAGE_OBJECT = /\/Type \/Page[^s]/g;

/**
 * Streams the PDF out of react-pdf into fixed-size chunks, writing each as it fills, and counts
 * pages and hashes on the way, so the finished file is never held whole.
 */
export async function storePdf(
  element: ReactElement,
  write: (seq: number, data: Buffer) => Promise<void>,
): Promise<RenderedReport> {
  // biome-ignore lint/suspicious/noExplicitAny: react-pdf types want a <Document> element; ours is one
  const stream = await renderToStream(element as any);
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let byteSize = 0;
  let pageCount = 0;
  let tail = '';
  const flush = async (all: boolean) => {
    while (pendingBytes >= REPORT_CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const chunk = joined.subarray(0, REPORT_CHUNK_BYTES);
      const rest = joined.subarray(chunk.length);
      await write(seq++, Buffer.from(chunk));
      pending = rest.length ? [Buffer.from(rest)] : [];
      pendingBytes = rest.length;
    }
  };
  for await (const part of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    hash.update(buf);
    byteSize += buf.length;
    // Count page objects. The carried tail is one byte shorter than a match: a marker split across
    // parts is seen once, and one already counted can never fit inside it again.
    const text = tail + buf.toString('latin1');
    pageCount += text.match(PAGE_OBJECT)?.length ?? 0;
    tail = text.slice(-11);
    pending.push(buf);
    pendingBytes += buf.length;
    await flush(false);
  }
  await flush(true);
  return { byteSize, pageCount, sha256: hash.digest('hex') };
}
