import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import { Swatch } from '@palisade/ui/swatch';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TenantStatusBadge } from '@/components/tenant-status-badge';
import { requireMe } from '@/server/auth/current-actor';
import { serverCaller } from '@/trpc/server';
import type { RouterOutputs } from '@/trpc/types';

export const metadata: Metadata = { title: 'Tenants' };

type TenantRow = RouterOutputs['tenant']['list'][number];

const columns: Column<TenantRow>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (t) => (
      <Link href={`/console/tenants/${t.id}`} className="font-medium text-sky-800 hover:underline">
        {t.name}
      </Link>
    ),
  },
  { key: 'slug', header: 'Slug', cell: (t) => <code className="text-xs">{t.slug}</code> },
  { key: 'status', header: 'Status', cell: (t) => <TenantStatusBadge status={t.status} /> },
  { key: 'timezone', header: 'Timezone', cell: (t) => t.timezone },
  {
    key: 'branding',
    header: 'Branding',
    cell: (t) => (
      <span className="flex gap-3">
        <Swatch color={t.primaryColor} label="Primary" />
        <Swatch color={t.accentColor} label="Accent" />
      </span>
    ),
  },
];

export default async function TenantsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const { tenant } = await searchParams;
  const me = await requireMe('staff');
  const all = await (await serverCaller()).tenant.list();
  const rows = tenant ? all.filter((t) => t.id === tenant) : all;
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Client companies in your scope."
        actions={
          me.role === 'mssp_admin' ? (
            <Link
              href="/console/tenants/new"
              className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
            >
              New tenant
            </Link>
          ) : null
        }
      />
      <DataTable
        caption="Tenants"
        columns={columns}
        rows={rows}
        rowKey={(t) => t.id}
        empty={
          <EmptyState title="No tenants in your scope">An MSSP admin assigns analysts to tenants.</EmptyState>
        }
      />
    </>
  );
}
