import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { IntegrationsPanel } from './integrations-panel';

export const metadata: Metadata = { title: 'Integrations' };

export default async function IntegrationsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Integrations"
        description="OSINT reputation providers and daemon connector credentials (SIEMs, feeds, mailboxes) per tenant. A tenant without its own key uses the MSSP default when it is shared. Keys are write-only: they are stored encrypted and never shown again."
      />
      <Suspense>
        <IntegrationsPanel canManage={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
