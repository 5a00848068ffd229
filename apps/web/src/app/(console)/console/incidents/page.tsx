import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Incidents' };

export default function IncidentsPage() {
  return (
    <>
      <PageHeader title="Incidents" description="The cross-tenant incident queue for your tenants." />
      <EmptyState title="No incidents yet">
        Alert ingest and incident creation are not built yet. Once alerts arrive through the ingest API or a
        daemon, incidents for your tenants will be queued here.
      </EmptyState>
    </>
  );
}
