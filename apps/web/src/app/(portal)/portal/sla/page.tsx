import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'SLA' };

export default function PortalSlaPage() {
  return (
    <>
      <PageHeader title="SLA" description="Response times against your service level agreement." />
      <EmptyState title="No SLA figures yet">
        Time to assign and time to resolve against your SLA will be shown here once incidents are tracked.
      </EmptyState>
    </>
  );
}
