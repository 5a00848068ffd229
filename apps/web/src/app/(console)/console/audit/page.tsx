import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { AuditSearch } from '@/components/audit-search';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Audit log' };

export default async function ConsoleAuditPage() {
  const tenants = await (await serverCaller()).tenant.list();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every administrative and incident change in your tenants: who, what, when and from where."
      />
      <AuditSearch tenants={tenants.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}
