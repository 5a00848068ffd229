import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import { Swatch } from '@palisade/ui/swatch';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { TenantStatusBadge } from '@/components/tenant-status-badge';
import { notFoundAsNull } from '@/server/trpc/not-found-as-null';
import { serverCaller } from '@/trpc/server';
import type { RouterOutputs } from '@/trpc/types';

type AuditRow = RouterOutputs['audit']['list'][number];

const auditColumns: Column<AuditRow>[] = [
  { key: 'at', header: 'When (UTC)', cell: (a) => a.at.toISOString().replace('T', ' ').slice(0, 19) },
  { key: 'action', header: 'Action', cell: (a) => <code className="text-xs">{a.action}</code> },
  { key: 'target', header: 'Target', cell: (a) => a.target },
];

export default async function TenantPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const parsed = z.uuid().safeParse((await params).tenantId);
  if (!parsed.success) notFound();
  const tenantId = parsed.data;
  const caller = await serverCaller();
  const tenant = await notFoundAsNull(caller.tenant.get({ tenantId }));
  if (!tenant) notFound();
  const audit = await caller.audit.list({ tenantId, limit: 50 });
  return (
    <>
      <PageHeader title={tenant.name} description={<code className="text-xs">{tenant.slug}</code>} />
      <dl className="mb-8 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
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
      <h2 className="mb-3 text-lg font-semibold">Audit log</h2>
      <DataTable
        caption="Audit log"
        columns={auditColumns}
        rows={audit}
        rowKey={(a) => a.id}
        empty={<EmptyState title="No audit entries yet" />}
      />
    </>
  );
}
