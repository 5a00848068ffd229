import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Incidents' };

export default function PortalIncidentsPage() {
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Security incidents your MSSP is handling for your company."
      />
      <EmptyState title="No incidents yet">
        Incidents your MSSP opens for your company will be listed here with their severity, status and
        handling timeline.
      </EmptyState>
    </>
  );
}
