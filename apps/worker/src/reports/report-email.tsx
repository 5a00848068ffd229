import type { Tx } from '@palisade/db/database';
import { getBranding } from '@palisade/db/queries/branding/get-branding';
import { listTenantContacts } from '@palisade/db/queries/contacts/list-contacts';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { REPORT_LINK_TTL_SECONDS, signReportLink } from '@palisade/db/queries/reports/report-link';
import type { ReportSummary } from '@palisade/db/queries/reports/report-store';
import { Button, Text } from '@react-email/components';
import { EmailLayout, renderEmail } from '../notifications/render-email';

export type ReportEmailDeps = { secretKey: Buffer; publicUrl: string; now: Date };

/** The download URL an email carries: signed, expiring, no sign-in needed. */
export function reportLinkUrl(
  deps: ReportEmailDeps,
  report: { tenantId: string; id: string },
): { url: string; expiresAt: Date } {
  const expiresAt = new Date(deps.now.getTime() + REPORT_LINK_TTL_SECONDS * 1000);
  const token = signReportLink(deps.secretKey, { tenantId: report.tenantId, reportId: report.id, expiresAt });
  return { url: new URL(`/api/reports/v1/links/${token}`, deps.publicUrl).toString(), expiresAt };
}

/**
 * Queues the ready report to the tenant's report recipients (outbox, idempotent per report), in the
 * client's branding with an expiring link rather than an attachment. Returns how many were addressed.
 */
export async function queueReportEmail(
  tx: Tx,
  deps: ReportEmailDeps,
  report: ReportSummary,
): Promise<number> {
  const recipients = await listTenantContacts(tx, report.tenantId, ['report_recipient']);
  if (recipients.length === 0) return 0;
  const branding = await getBranding(tx, report.tenantId);
  const { url, expiresAt } = reportLinkUrl(deps, report);
  const expires = expiresAt.toISOString().slice(0, 10);
  const { html, text } = await renderEmail(
    <EmailLayout
      branding={{
        name: branding.companyName,
        primaryColor: branding.primaryColor,
        accentColor: branding.accentColor,
        logoSrc: null,
        footer: branding.legalFooter || `Sent by ${branding.mssp.name} for ${branding.companyName}.`,
      }}
      preview={report.title}
    >
      <Text>{`${branding.mssp.name} has prepared a report for ${branding.companyName}:`}</Text>
      <Text style={{ fontWeight: 700 }}>{report.title}</Text>
      <Button
        href={url}
        style={{ backgroundColor: branding.primaryColor, color: '#ffffff', padding: '10px 16px' }}
      >
        Download the PDF
      </Button>
      <Text style={{ color: '#64748b', fontSize: '12px' }}>
        {`This link works until ${expires} (UTC). After that, download the report from your portal.`}
      </Text>
    </EmailLayout>,
  );
  await queueEmail(tx, {
    tenantId: report.tenantId,
    idempotencyKey: `report:${report.id}`,
    to: recipients.map((c) => c.email).slice(0, 50),
    subject: `${branding.companyName}: ${report.title}`.slice(0, 300),
    html,
    text,
    incidentId: report.incidentId,
    kind: 'report',
  });
  return recipients.length;
}
