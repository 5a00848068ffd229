import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { serverCaller } from '@/trpc/server';
import { ConsoleOverview } from './console-overview';

export const metadata: Metadata = { title: 'Overview' };

export default async function ConsoleOverviewPage() {
  const tenants = await (await serverCaller()).tenant.list();
  const active = tenants.filter((t) => t.status === 'active').length;
  return (
    <>
      <PageHeader
        title="Overview"
        description="Your tenants at a glance; it refreshes by itself. The tenant filter is in the top bar."
      />
      <Suspense>
        <ConsoleOverview tenantCount={tenants.length} activeTenants={active} />
      </Suspense>
    </>
  );
}
