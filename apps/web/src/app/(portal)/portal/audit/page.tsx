import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { AuditSearch } from '@/components/audit-search';

export const metadata: Metadata = { title: 'Audit log' };

export default function PortalAuditPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Changes made to your organisation's incidents, users and settings."
      />
      <AuditSearch />
    </>
  );
}
