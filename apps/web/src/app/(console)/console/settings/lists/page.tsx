import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { ListsPanel } from './lists-panel';

export const metadata: Metadata = { title: 'Global lists' };

export default async function ListsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Global lists"
        description="Allow and block lists, asset values, VIP users and company aliases per tenant, plus the MSSP-wide entries every tenant inherits."
      />
      <Suspense>
        <ListsPanel canEditMssp={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
