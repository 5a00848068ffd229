import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { IncidentQueue } from './incident-queue';

export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Incidents"
        description="The queue across your tenants. It refreshes by itself; the tenant filter is in the top bar."
      />
      <Suspense>
        <IncidentQueue me={{ userId: me.userId }} />
      </Suspense>
    </>
  );
}
