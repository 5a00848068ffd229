import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { RunView } from './run-view';

export const metadata: Metadata = { title: 'Playbook run' };

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requireMe('staff');
  const { runId } = await params;
  return (
    <Suspense>
      <RunView runId={runId} />
    </Suspense>
  );
}
