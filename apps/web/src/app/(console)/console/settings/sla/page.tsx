import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { SlaSettingsPanel } from './sla-settings-panel';

export const metadata: Metadata = { title: 'SLA policies' };

export default async function SlaSettingsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="SLA policies"
        description="Per tenant and severity: time to assign and to resolve, 24x7 or business hours, warnings and the escalation chain; the tenant's business hours and holidays. Changes re-evaluate running clocks."
      />
      <Suspense>
        <SlaSettingsPanel canEdit={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
