import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { requireMe } from '@/server/auth/current-actor';
import { PortalSlaStatus } from './portal-sla-status';

export const metadata: Metadata = { title: 'SLA' };

export default async function PortalSlaPage() {
  const me = await requireMe('client');
  return (
    <>
      <PageHeader title="SLA" description="Response times against your service level agreement." />
      {me.tenant ? <PortalSlaStatus tenantId={me.tenant.id} /> : null}
    </>
  );
}
