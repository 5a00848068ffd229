import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Reports' };

export default function PortalReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Incident and periodic reports from your MSSP." />
      <EmptyState title="No reports yet">
        Branded incident and periodic reports will be available to download here once report generation is
        built.
      </EmptyState>
    </>
  );
}
