import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireMe } from '@/server/auth/current-actor';
import { notFoundAsNull } from '@/server/trpc/not-found-as-null';
import { serverCaller } from '@/trpc/server';
import { IncidentDetail } from './incident-detail';

export const metadata: Metadata = { title: 'Incident' };

const Params = z.object({ tenantId: z.uuid(), incidentId: z.uuid() });

export default async function IncidentPage({
  params,
}: {
  params: Promise<{ tenantId: string; incidentId: string }>;
}) {
  const parsed = Params.safeParse(await params);
  if (!parsed.success) notFound();
  const me = await requireMe('staff');
  const initial = await notFoundAsNull((await serverCaller()).incident.get(parsed.data));
  if (!initial) notFound();
  return <IncidentDetail {...parsed.data} me={{ userId: me.userId }} initial={initial} />;
}
