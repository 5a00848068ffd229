import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { Db, Tx } from '../../database';
import { rowsOf } from '../../rows';
import { type ReportFrequency, type ReportSchedule, reportSchedules } from '../../schema/index';

export async function listReportSchedules(tx: Tx, tenantId: string): Promise<ReportSchedule[]> {
  return tx
    .select()
    .from(reportSchedules)
    .where(eq(reportSchedules.tenantId, tenantId))
    .orderBy(asc(reportSchedules.frequency));
}

/** Turns one frequency on (with its email choice) or off, and audits it. */
export async function setReportSchedule(
  tx: Tx,
  input: {
    tenantId: string;
    frequency: ReportFrequency;
    enabled: boolean;
    emailRecipients: boolean;
    actorUserId: string;
  },
): Promise<void> {
  const where = and(
    eq(reportSchedules.tenantId, input.tenantId),
    eq(reportSchedules.frequency, input.frequency),
  );
  if (input.enabled) {
    await tx
      .insert(reportSchedules)
      .values({
        tenantId: input.tenantId,
        frequency: input.frequency,
        emailRecipients: input.emailRecipients,
        updatedBy: input.actorUserId,
      })
      .onConflictDoUpdate({
        target: [reportSchedules.tenantId, reportSchedules.frequency],
        set: { emailRecipients: input.emailRecipients, updatedBy: input.actorUserId, updatedAt: sql`now()` },
      });
  } else {
    await tx.delete(reportSchedules).where(where);
  }
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'report.schedule_update',
    target: `report-schedule:${input.frequency}`,
    after: { enabled: input.enabled, emailRecipients: input.emailRecipients },
  });
}

export type ReportScheduleSlot = {
  tenantId: string;
  frequency: ReportFrequency;
  emailRecipients: boolean;
  timezone: string;
};

/**
 * Every active tenant's schedules, read outside any scope through `report_schedule_slots()` (a
 * SECURITY DEFINER function that reveals only this), so the cron can then open each tenant's scope.
 */
export async function reportScheduleSlots(db: Db): Promise<ReportScheduleSlot[]> {
  const rows = rowsOf<{
    tenant_id: string;
    frequency: ReportFrequency;
    email_recipients: boolean;
    timezone: string;
  }>(await db.execute(sql`select * from public.report_schedule_slots()`));
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    frequency: r.frequency,
    emailRecipients: r.email_recipients,
    timezone: r.timezone,
  }));
}
