import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { PlaybookEditor } from './playbook-editor';

export const metadata: Metadata = { title: 'Playbook' };

export default async function PlaybookPage({ params }: { params: Promise<{ playbookId: string }> }) {
  await requireMe('staff');
  const { playbookId } = await params;
  return (
    <Suspense>
      <PlaybookEditor playbookId={playbookId === 'new' ? undefined : playbookId} />
    </Suspense>
  );
}
