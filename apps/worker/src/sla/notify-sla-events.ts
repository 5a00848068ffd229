import type { Db } from '@palisade/db/database';
import type { NotifySlaEventsPayload } from '@palisade/db/jobs/fire-sla-timer';
import { getBranding } from '@palisade/db/queries/branding/get-branding';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { loadSlaNotice } from '@palisade/db/queries/sla/load-sla-notice';
import { noticeRecipients, resolveSlaRecipients } from '@palisade/db/queries/sla/sla-recipients';
import { withTenantOn } from '@palisade/db/with-tenant';
import { createElement } from 'react';
import { type EmailBranding, MSSP_BRANDING, renderEmail } from '../notifications/render-email';
import { SlaNotice, slaNoticeTitle } from './sla-notice-email';

export type SlaNoticeResult = { sent: { event: string; audience: 'mssp' | 'client'; to: number }[] };

/**
 * The emails of one firing, in one tenant transaction: per event (in order) and audience one
 * message through queueEmail, keyed per timer, round, event and audience, so a retried job queues
 * nothing twice. MSSP staff get the MSSP look and a console link, client contacts their company's
 * branding and a portal link. An address hears only the first of events that fired together (a
 * breach and its at-breach escalation step).
 */
export async function notifySlaEvents(
  db: Db,
  payload: NotifySlaEventsPayload,
  options: { publicUrl: string },
): Promise<SlaNoticeResult> {
  return withTenantOn(db, payload.tenantId, async (tx) => {
    const notice = await loadSlaNotice(tx, payload);
    if (!notice) return { sent: [] };
    const { timer, incident } = notice;
    const heard = new Set<string>();
    const sent: SlaNoticeResult['sent'] = [];
    for (const event of notice.events) {
      const all = await resolveSlaRecipients(
        tx,
        timer.tenantId,
        incident.assigneeUserId,
        noticeRecipients(event, incident.assigneeUserId),
      );
      const recipients = all.filter((r) => !heard.has(r.email));
      for (const r of recipients) heard.add(r.email);
      for (const audience of ['mssp', 'client'] as const) {
        const to = recipients.filter((r) => r.audience === audience).map((r) => r.email);
        if (to.length === 0) continue;
        const branding = audience === 'mssp' ? MSSP_BRANDING : await clientBranding(tx, timer.tenantId);
        const link =
          audience === 'mssp'
            ? `${options.publicUrl}/console/incidents/${timer.tenantId}/${incident.id}`
            : `${options.publicUrl}/portal/incidents/${incident.id}`;
        const props = { branding, event, timerKind: timer.kind, incident, dueAt: timer.dueAt, link };
        const { html, text } = await renderEmail(createElement(SlaNotice, props));
        await queueEmail(tx, {
          tenantId: timer.tenantId,
          idempotencyKey: `sla:${timer.id}:${payload.round}:${event.key}:${audience}`,
          to,
          subject: slaNoticeTitle(props),
          html,
          text,
          incidentId: incident.id,
          kind: `sla-${event.kind}`,
        });
        sent.push({ event: event.key, audience, to: to.length });
      }
    }
    return { sent };
  });
}

async function clientBranding(
  tx: Parameters<typeof getBranding>[0],
  tenantId: string,
): Promise<EmailBranding> {
  const b = await getBranding(tx, tenantId);
  return {
    name: b.companyName,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    logoSrc: null,
    footer: b.legalFooter || null,
  };
}
