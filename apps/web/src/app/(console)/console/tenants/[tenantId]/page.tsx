import { Badge } from '@palisade/ui/badge';
import { PageHeader } from '@palisade/ui/page-header';
import { SectionCard } from '@palisade/ui/section-card';
import { Swatch } from '@palisade/ui/swatch';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { TenantStatusBadge } from '@/components/tenant-status-badge';
import { UsersPanel } from '@/components/users-panel';
import { requireMe } from '@/server/auth/current-actor';
import { notFoundAsNull } from '@/server/trpc/not-found-as-null';
import { serverCaller } from '@/trpc/server';
import { AnalystsPanel } from './analysts-panel';
import { CompanySettings } from './company-settings';
import { OffboardingPanel } from './offboarding-panel';
import { settingsHref } from './tenant-settings-links';

export default async function TenantPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const parsed = z.uuid().safeParse((await params).tenantId);
  if (!parsed.success) notFound();
  const tenantId = parsed.data;
  const me = await requireMe('staff');
  const caller = await serverCaller();
  const tenant = await notFoundAsNull(caller.tenant.get({ tenantId }));
  if (!tenant) notFound();
  const admin = me.role === 'mssp_admin';
  const checklist = admin ? await caller.onboarding.checklist({ tenantId }) : null;
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={<code className="text-xs">{tenant.slug}</code>}
        actions={
          <Link href="/console/audit" className="text-sm text-sky-800 hover:underline">
            Audit log
          </Link>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd className="mt-1">
            <TenantStatusBadge status={tenant.status} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Timezone</dt>
          <dd className="mt-1">{tenant.timezone}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Portal name</dt>
          <dd className="mt-1">{tenant.brandName ?? tenant.name}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Colours</dt>
          <dd className="mt-1 flex gap-3">
            <Swatch color={tenant.primaryColor} label="Primary" />
            <Swatch color={tenant.accentColor} label="Accent" />
          </dd>
        </div>
      </dl>
      <div className="space-y-6">
        {checklist ? (
          <SectionCard
            title="Onboarding"
            actions={
              <Link
                href={`/console/tenants/${tenantId}/onboarding`}
                className="text-sm text-sky-800 hover:underline"
              >
                {checklist.completedAt ? 'Review onboarding' : 'Continue onboarding'}
              </Link>
            }
          >
            <ul className="grid gap-2 text-sm sm:grid-cols-3">
              {checklist.items.map((item) => (
                <li key={item.id} className="flex items-center gap-2">
                  <Badge tone={item.done ? 'success' : item.required ? 'warning' : 'neutral'}>
                    {item.done ? 'done' : item.required ? 'missing' : 'optional'}
                  </Badge>
                  <Link href={settingsHref(item.id, tenantId)} className="text-sky-800 hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </SectionCard>
        ) : null}
        {admin ? (
          <div id="company">
            <SectionCard title="Company">
              <CompanySettings
                tenantId={tenantId}
                company={{
                  name: tenant.name,
                  slug: tenant.slug,
                  aliases: tenant.aliases,
                  timezone: tenant.timezone,
                }}
              />
            </SectionCard>
          </div>
        ) : null}
        <div id="users">
          <SectionCard title="Users">
            <UsersPanel tenantId={tenantId} selfId={me.userId} canManage={admin} manageStaff={admin} />
          </SectionCard>
        </div>
        {admin ? (
          <SectionCard title="Analysts">
            <AnalystsPanel tenantId={tenantId} />
          </SectionCard>
        ) : null}
        {admin ? (
          <SectionCard title="Offboarding">
            <OffboardingPanel tenantId={tenantId} slug={tenant.slug} status={tenant.status} />
          </SectionCard>
        ) : null}
      </div>
    </>
  );
}
