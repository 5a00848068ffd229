import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'KPIs' };

export default function KpisPage() {
  return (
    <>
      <PageHeader title="KPIs" description="Time to assign and time to resolve, per tenant." />
      <EmptyState title="No KPI data yet">
        KPI tracking starts with incident handling: figures appear here once incidents are assigned and
        resolved.
      </EmptyState>
    </>
  );
}
