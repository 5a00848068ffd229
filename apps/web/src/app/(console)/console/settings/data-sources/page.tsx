import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { DataSourcesPanel } from './data-sources-panel';

export const metadata: Metadata = { title: 'Data sources' };

export default async function DataSourcesPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Data sources"
        description="Senders of alerts (SIEM, EDR, mail bridges) per tenant, each with its own API keys for the ingest API."
      />
      <Suspense>
        <DataSourcesPanel canManage={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
