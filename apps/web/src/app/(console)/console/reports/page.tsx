import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Reports' };

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Branded incident and periodic reports." />
      <EmptyState title="No reports yet">
        Report generation is coming: branded PDFs per incident and per period, which clients download in their
        portal.
      </EmptyState>
    </>
  );
}
