import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { requireMe } from '@/server/auth/current-actor';

export const metadata: Metadata = { title: 'Overview' };

export default async function PortalOverviewPage() {
  const me = await requireMe('client');
  const company = me.tenant?.brandName ?? me.tenant?.name ?? 'your company';
  return (
    <>
      <PageHeader title={`Welcome, ${me.name}`} description={`Security operations for ${company}.`} />
      <EmptyState title="Nothing to report yet">
        Open incidents, recent reports and SLA figures for {company} will be summarized here as your MSSP
        handles them.
      </EmptyState>
    </>
  );
}
