import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { PortalKpis } from './portal-kpis';

export const metadata: Metadata = { title: 'KPIs' };

export default async function PortalKpisPage() {
  const me = await requireMe('client');
  const company = me.tenant?.brandName ?? me.tenant?.name ?? 'your company';
  return (
    <>
      <PageHeader title="KPIs" description={`How fast your MSSP responds to ${company}'s incidents.`} />
      <Suspense>
        <PortalKpis />
      </Suspense>
    </>
  );
}
