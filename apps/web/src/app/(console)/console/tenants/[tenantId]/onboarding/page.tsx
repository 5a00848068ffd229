import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { Suspense } from 'react';
import { z } from 'zod';
import { requireMe } from '@/server/auth/current-actor';
import { notFoundAsNull } from '@/server/trpc/not-found-as-null';
import { serverCaller } from '@/trpc/server';
import { OnboardingWizard } from './wizard';

export const metadata: Metadata = { title: 'Onboarding' };

/** `/console/tenants/:id/onboarding`: the wizard, resumed at the first open step (MSSP admins). */
export default async function OnboardingPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const parsed = z.uuid().safeParse((await params).tenantId);
  if (!parsed.success) notFound();
  const me = await requireMe('staff');
  if (me.role !== 'mssp_admin') forbidden();
  const caller = await serverCaller();
  const tenant = await notFoundAsNull(caller.tenant.get({ tenantId: parsed.data }));
  if (!tenant) notFound();
  const checklist = await caller.onboarding.checklist({ tenantId: tenant.id });
  return (
    <>
      <PageHeader
        title={`Onboarding: ${tenant.name}`}
        description="Each step is saved as you go; come back any time to continue."
        actions={
          <Link href={`/console/tenants/${tenant.id}`} className="text-sm text-sky-800 hover:underline">
            Tenant settings
          </Link>
        }
      />
      <Suspense>
        <OnboardingWizard
          tenantId={tenant.id}
          selfId={me.userId}
          company={{
            name: tenant.name,
            slug: tenant.slug,
            aliases: tenant.aliases,
            timezone: tenant.timezone,
          }}
          initial={checklist}
        />
      </Suspense>
    </>
  );
}
