import type { Tx } from '@palisade/db/database';
import { EnqueueError } from '@palisade/db/jobs/enqueue';
import { getBranding } from '@palisade/db/queries/branding/get-branding';
import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { renderEmail } from '@palisade/worker/notifications/render-email';
import { PlainMessage } from '@palisade/worker/notifications/templates/plain-message';
import { createElement } from 'react';
import { env } from '@/env';

/** The page that uses an invitation or reset link (one route for both: the link knows its purpose). */
export const linkUrl = (token: string): string => `${env.NEXTAUTH_URL.replace(/\/$/, '')}/invite/${token}`;

/**
 * Mails an invitation or password-reset link in the client's branding, through the outbox
 * (`queueEmail`, same transaction as the link: no link without its mail and vice versa).
 */
export async function queueLinkEmail(
  tx: Tx,
  link: {
    tenantId: string;
    linkId: string;
    email: string;
    token: string;
    expiresAt: Date;
    purpose: 'invite' | 'password_reset';
  },
): Promise<{ url: string; emailQueued: boolean }> {
  const brand = await getBranding(tx, link.tenantId);
  const url = linkUrl(link.token);
  const invite = link.purpose === 'invite';
  const subject = invite
    ? `You are invited to the ${brand.companyName} security portal`
    : `Reset your ${brand.companyName} security portal password`;
  const lead = invite
    ? `${brand.mssp.name} has invited you to the ${brand.companyName} security portal, where you can follow your incidents, reports and SLA figures.`
    : 'A password reset was requested for your account. If you did not expect this, ignore this message.';
  const until = `The link works once and expires ${link.expiresAt.toUTCString()}.`;
  const action = invite ? 'Set your password' : 'Choose a new password';
  const { html, text } = await renderEmail(
    // createElement, not JSX: this server module is also loaded by vitest, which leaves JSX to Next.
    createElement(PlainMessage, {
      branding: {
        name: brand.companyName,
        primaryColor: brand.primaryColor,
        accentColor: brand.accentColor,
        footer: brand.legalFooter || null,
      },
      body: `${lead}\n\n${action}: ${url}\n\n${until}`,
    }),
  );
  // A savepoint: without a worker (no mail queue yet) the link still exists and is shown to the
  // inviter to hand over; the caller reports that no email went out.
  const emailQueued = await tx
    .transaction(async (sp) => {
      await queueEmail(sp, {
        tenantId: link.tenantId,
        idempotencyKey: `${link.purpose}:${link.linkId}`,
        to: [link.email],
        subject,
        html,
        text,
        kind: invite ? 'invitation' : 'password-reset',
      });
      return true;
    })
    .catch((err: unknown) => {
      if (err instanceof EnqueueError) return false;
      throw err;
    });
  return { url, emailQueued };
}
