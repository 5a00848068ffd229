import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { requireMe } from '@/server/auth/current-actor';
import { PortalReportList } from './portal-report-list';

export const metadata: Metadata = { title: 'Reports' };

export default async function PortalReportsPage() {
  const me = await requireMe('client');
  return (
    <>
      <PageHeader title="Reports" description="Incident and periodic reports from your MSSP, as PDF." />
      {me.tenant ? (
        <PortalReportList tenantId={me.tenant.id} />
      ) : (
        <EmptyState title="No company">Your account is not linked to a company.</EmptyState>
      )}
    </>
  );
}
