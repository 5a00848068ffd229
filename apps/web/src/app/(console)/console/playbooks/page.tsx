import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Playbooks' };

export default function PlaybooksPage() {
  return (
    <>
      <PageHeader title="Playbooks" description="Versioned response playbooks per tenant." />
      <EmptyState title="No playbooks yet">
        The playbook editor is coming: the MSSP master playbook will ship as the default and each tenant gets
        its own versioned copy.
      </EmptyState>
    </>
  );
}
