import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { ContactsPanel } from './contacts-panel';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Contacts"
        description="Who the SOC notifies per tenant (primary, escalation order, report recipients), when the primary contact gets a tier 1 notice, and the MSSP's SOC management contacts."
      />
      <Suspense>
        <ContactsPanel canEditMssp={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
