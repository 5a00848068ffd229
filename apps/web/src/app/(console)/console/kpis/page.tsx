import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { KpiDashboard } from './kpi-dashboard';

export const metadata: Metadata = { title: 'KPIs' };

export default async function KpisPage() {
  await requireMe('staff');
  return (
    <>
      <PageHeader
        title="KPIs"
        description="Time to assign, first response and resolve, and SLA compliance, for incidents created in the chosen days. The tenant filter is in the top bar; formulas are in docs/kpis.md."
      />
      <Suspense>
        <KpiDashboard />
      </Suspense>
    </>
  );
}
