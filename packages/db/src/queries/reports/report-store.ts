import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { type Report, type ReportKind, reportChunks, reports } from '../../schema/index';

/** Bytes per stored chunk: a download reads one at a time. */
export const REPORT_CHUNK_BYTES = 256 * 1024;

const summaryColumns = {
  id: reports.id,
  tenantId: reports.tenantId,
  kind: reports.kind,
  subject: reports.subject,
  version: reports.version,
  incidentId: reports.incidentId,
  periodStart: reports.periodStart,
  periodEnd: reports.periodEnd,
  frequency: reports.frequency,
  title: reports.title,
  status: reports.status,
  progress: reports.progress,
  stage: reports.stage,
  error: reports.error,
  byteSize: reports.byteSize,
  pageCount: reports.pageCount,
  emailRecipients: reports.emailRecipients,
  createdBy: reports.createdBy,
  createdAt: reports.createdAt,
  completedAt: reports.completedAt,
};
export type ReportSummary = Pick<Report, keyof typeof summaryColumns>;

export async function getReport(tx: Tx, reportId: string): Promise<ReportSummary> {
  const [row] = await tx.select(summaryColumns).from(reports).where(eq(reports.id, reportId));
  if (!row) throw new NotFoundError('report not found');
  return row;
}

/** Newest first; RLS keeps it to the scope. */
export async function listReports(
  tx: Tx,
  input: { tenantId?: string; incidentId?: string; kind?: ReportKind; readyOnly?: boolean; limit: number },
): Promise<ReportSummary[]> {
  return tx
    .select(summaryColumns)
    .from(reports)
    .where(
      and(
        input.tenantId ? eq(reports.tenantId, input.tenantId) : undefined,
        input.incidentId ? eq(reports.incidentId, input.incidentId) : undefined,
        input.kind ? eq(reports.kind, input.kind) : undefined,
        input.readyOnly ? eq(reports.status, 'ready') : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.version))
    .limit(input.limit);
}

/** The worker's live status: what the console shows while a report renders. */
export async function setReportProgress(
  tx: Tx,
  input: { reportId: string; progress: number; stage: string },
): Promise<void> {
  await tx
    .update(reports)
    .set({
      status: 'rendering',
      progress: Math.max(0, Math.min(99, Math.round(input.progress))),
      stage: input.stage.slice(0, 200),
      error: null,
    })
    .where(eq(reports.id, input.reportId));
}

/** Drops chunks a failed attempt left behind, so a retry writes the PDF from the start. */
export async function clearReportChunks(tx: Tx, reportId: string): Promise<void> {
  await tx.delete(reportChunks).where(eq(reportChunks.reportId, reportId));
}

export async function writeReportChunk(
  tx: Tx,
  input: { tenantId: string; reportId: string; seq: number; data: Buffer },
): Promise<void> {
  await tx.insert(reportChunks).values(input);
}

export async function completeReport(
  tx: Tx,
  input: { reportId: string; byteSize: number; pageCount: number; sha256: string },
): Promise<void> {
  await tx
    .update(reports)
    .set({
      status: 'ready',
      progress: 100,
      stage: 'ready',
      error: null,
      byteSize: input.byteSize,
      pageCount: input.pageCount,
      sha256: input.sha256,
      completedAt: sql`now()`,
    })
    .where(eq(reports.id, input.reportId));
}

export async function failReport(tx: Tx, input: { reportId: string; error: string }): Promise<void> {
  await tx
    .update(reports)
    .set({ status: 'failed', stage: 'failed', error: input.error.slice(0, 1000), completedAt: sql`now()` })
    .where(eq(reports.id, input.reportId));
}

/** The chunk after `seq` (-1 for the first), or null at the end: downloads stream one chunk at a time. */
export async function readReportChunk(
  tx: Tx,
  input: { reportId: string; afterSeq: number },
): Promise<{ seq: number; data: Buffer } | null> {
  const [row] = await tx
    .select({ seq: reportChunks.seq, data: reportChunks.data })
    .from(reportChunks)
    .where(and(eq(reportChunks.reportId, input.reportId), gt(reportChunks.seq, input.afterSeq)))
    .orderBy(asc(reportChunks.seq))
    .limit(1);
  return row ?? null;
}
