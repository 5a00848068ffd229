import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireMe } from '@/server/auth/current-actor';
import { NewTenantForm } from './new-tenant-form';

export const metadata: Metadata = { title: 'New tenant' };

/** `/console/tenants/new`: the onboarding wizard's first step (MSSP admins). */
export default async function NewTenantPage() {
  const me = await requireMe('staff');
  if (me.role !== 'mssp_admin') forbidden();
  return (
    <>
      <PageHeader
        title="New tenant"
        description="Step 1 of 9: the company. SLA, contacts, branding, lists, data sources, daemons, playbooks and users follow."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <NewTenantForm />
      </div>
    </>
  );
}
