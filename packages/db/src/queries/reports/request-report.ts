import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { enqueue } from '../../jobs/enqueue';
import { GENERATE_REPORT, type GenerateReportPayload } from '../../jobs/generate-report';
import { incidents, reportFrequency, reports } from '../../schema/index';
import { incidentReference } from '../incidents/incident-reference';

/** Longest period a periodic report covers: a quarter and a bit, so one render stays bounded. */
const MAX_PERIOD_DAYS = 100;

export const RequestReportInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('incident'),
    tenantId: z.uuid(),
    incidentId: z.uuid(),
    emailRecipients: z.boolean().default(false),
    idempotencyKey: z.string().min(1).max(300).optional(),
    createdBy: z.uuid().nullable(),
  }),
  z
    .object({
      kind: z.literal('periodic'),
      tenantId: z.uuid(),
      from: z.coerce.date(),
      to: z.coerce.date(),
      frequency: z.enum(reportFrequency.enumValues).nullable().default(null),
      emailRecipients: z.boolean().default(false),
      idempotencyKey: z.string().min(1).max(300).optional(),
      createdBy: z.uuid().nullable(),
    })
    .refine((p) => p.from < p.to, { message: 'from must be before to', path: ['to'] })
    .refine((p) => p.to.getTime() - p.from.getTime() <= MAX_PERIOD_DAYS * 86_400_000, {
      message: `a periodic report covers at most ${MAX_PERIOD_DAYS} days`,
      path: ['from'],
    }),
]);
export type RequestReportInput = z.input<typeof RequestReportInput>;

export type RequestedReport = { reportId: string; version: number; created: boolean };

/**
 * Queues a report: the next version of its subject plus its `generate-report` job, in the caller's
 * transaction. With an idempotency key (a playbook effect, a schedule slot) the same key returns the
 * report it made the first time and queues nothing.
 */
export async function requestReport(tx: Tx, input: RequestReportInput): Promise<RequestedReport> {
  const p = RequestReportInput.parse(input);
  if (p.idempotencyKey) {
    const existing = await findByKey(tx, p.tenantId, p.idempotencyKey);
    if (existing) return { ...existing, created: false };
  }
  const subject =
    p.kind === 'incident'
      ? `incident:${p.incidentId}`
      : `periodic:${p.from.toISOString()}/${p.to.toISOString()}`;
  // Versions of one subject are numbered in order: serialize concurrent requests for it.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report:${p.tenantId}:${subject}`}))`);
  const title = p.kind === 'incident' ? await incidentTitle(tx, p.tenantId, p.incidentId) : periodTitle(p);
  const [next] = await tx
    .select({ version: sql<number>`coalesce(max(${reports.version}), 0)::int + 1` })
    .from(reports)
    .where(and(eq(reports.tenantId, p.tenantId), eq(reports.subject, subject)));
  const version = next?.version ?? 1;
  const inserted = await tx
    .insert(reports)
    .values({
      tenantId: p.tenantId,
      kind: p.kind,
      subject,
      version,
      title,
      incidentId: p.kind === 'incident' ? p.incidentId : null,
      periodStart: p.kind === 'periodic' ? p.from : null,
      periodEnd: p.kind === 'periodic' ? p.to : null,
      frequency: p.kind === 'periodic' ? p.frequency : null,
      emailRecipients: p.emailRecipients,
      idempotencyKey: p.idempotencyKey ?? null,
      createdBy: p.createdBy,
    })
    .onConflictDoNothing({ target: [reports.tenantId, reports.idempotencyKey] })
    .returning({ id: reports.id, version: reports.version });
  const row = inserted[0];
  if (!row) {
    // A concurrent request with the same key won the race.
    const existing = p.idempotencyKey ? await findByKey(tx, p.tenantId, p.idempotencyKey) : undefined;
    if (!existing) throw new Error('report insert returned no row');
    return { ...existing, created: false };
  }
  const payload: GenerateReportPayload = { tenantId: p.tenantId, reportId: row.id };
  await enqueue(tx, GENERATE_REPORT, payload);
  return { reportId: row.id, version: row.version, created: true };
}

async function findByKey(tx: Tx, tenantId: string, key: string) {
  const [row] = await tx
    .select({ reportId: reports.id, version: reports.version })
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.idempotencyKey, key)));
  return row;
}

async function incidentTitle(tx: Tx, tenantId: string, incidentId: string): Promise<string> {
  const [incident] = await tx
    .select({ number: incidents.number, title: incidents.title })
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, incidentId)));
  if (!incident) throw new NotFoundError('incident not found');
  return `Incident report ${incidentReference(incident.number)}: ${incident.title}`.slice(0, 300);
}

function periodTitle(p: { from: Date; to: Date; frequency: string | null }): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const last = new Date(p.to.getTime() - 1);
  const label = p.frequency === 'weekly' ? 'Weekly' : p.frequency === 'monthly' ? 'Monthly' : 'Periodic';
  return `${label} security report ${day(p.from)} to ${day(last)}`;
}
