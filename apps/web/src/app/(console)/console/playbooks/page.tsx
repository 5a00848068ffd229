import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { PlaybooksPanel } from './playbooks-panel';

export const metadata: Metadata = { title: 'Playbooks' };

export default async function PlaybooksPage() {
  await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Playbooks"
        description="Versioned response playbooks per tenant: the MSSP master playbook and its sections, tuned per client."
      />
      <Suspense>
        <PlaybooksPanel />
      </Suspense>
    </>
  );
}
