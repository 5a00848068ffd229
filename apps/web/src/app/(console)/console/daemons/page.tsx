import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { DaemonsPanel } from './daemons-panel';

export const metadata: Metadata = { title: 'Daemons' };

export default async function DaemonsPage() {
  await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Daemons"
        description="Per-tenant collectors and analyses: syslog listeners, SIEM and SQL polls, threat feeds, stale-incident checks."
      />
      <Suspense>
        <DaemonsPanel />
      </Suspense>
    </>
  );
}
