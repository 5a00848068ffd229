import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { PortalOverview } from './portal-overview';

export const metadata: Metadata = { title: 'Overview' };

export default async function PortalOverviewPage() {
  const me = await requireMe('client');
  const company = me.tenant?.brandName ?? me.tenant?.name ?? 'your company';
  return (
    <>
      <PageHeader title={`Welcome, ${me.name}`} description={`Security operations for ${company}.`} />
      <Suspense>
        <PortalOverview />
      </Suspense>
    </>
  );
}
