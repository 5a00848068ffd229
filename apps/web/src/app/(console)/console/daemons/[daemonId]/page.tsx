import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { DaemonDetail } from '../daemon-detail';

export const metadata: Metadata = { title: 'Daemon' };

export default async function DaemonPage({ params }: { params: Promise<{ daemonId: string }> }) {
  await requireMe('staff');
  const { daemonId } = await params;
  return (
    <Suspense>
      <DaemonDetail daemonId={daemonId === 'new' ? undefined : daemonId} />
    </Suspense>
  );
}
