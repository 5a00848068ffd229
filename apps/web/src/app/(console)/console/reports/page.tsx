import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { ReportsPanel } from './reports-panel';

export const metadata: Metadata = { title: 'Reports' };

export default async function ReportsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Reports"
        description="Branded incident and periodic reports per tenant: generate one now, schedule weekly or monthly ones, download every version."
      />
      <Suspense>
        <ReportsPanel canSchedule={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
