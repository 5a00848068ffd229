import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { OutboxPanel } from './outbox-panel';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  await requireMe('staff');
  // The viewer's stylesheet carries this request's CSP nonce (the email frame inherits the page's policy).
  const nonce = (await headers()).get('x-nonce') ?? '';
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Every email Palisade sent or queued: tier 1 notices, SLA escalations, playbook mail. Without RESEND_API_KEY this outbox is the mailbox."
      />
      <Suspense>
        <OutboxPanel nonce={nonce} />
      </Suspense>
    </>
  );
}
