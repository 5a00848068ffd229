import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { GroupingPanel } from './grouping-panel';

export const metadata: Metadata = { title: 'Alert grouping' };

export default async function GroupingPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Alert grouping"
        description="Per tenant: which alert fields must match, and within how long, for alerts to join one open incident instead of opening new ones. A data source may have its own rule."
      />
      <Suspense>
        <GroupingPanel canEdit={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
