import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import Link from 'next/link';
import { formatTime } from '@/components/format-time';
import { VerdictBadge } from '@/components/verdict-badge';
import { serverCaller } from '@/trpc/server';
import type { RouterOutputs } from '@/trpc/types';

export const metadata: Metadata = { title: 'Campaigns' };

type Row = RouterOutputs['campaign']['list'][number];

const columns: Column<Row>[] = [
  { key: 'type', header: 'Type', cell: (r) => <Badge>{r.type}</Badge> },
  {
    key: 'value',
    header: 'Indicator',
    cell: (r) => (
      <Link
        href={`/console/incidents?q=${encodeURIComponent(r.value)}`}
        className="break-all font-mono text-xs text-sky-800 hover:underline"
      >
        {r.value}
      </Link>
    ),
  },
  {
    key: 'verdict',
    header: 'Worst verdict',
    cell: (r) =>
      r.verdict ? (
        <span className="whitespace-nowrap">
          <VerdictBadge verdict={r.verdict.worst} />{' '}
          <span className="text-xs tabular-nums text-slate-600" title="highest score">
            {r.verdict.score}
          </span>
        </span>
      ) : (
        <span className="text-xs text-slate-500">not enriched</span>
      ),
  },
  { key: 'count', header: 'Tenants', className: 'tabular-nums text-right', cell: (r) => r.tenantCount },
  { key: 'tenants', header: 'Seen at', cell: (r) => r.tenants.map((t) => t.name).join(', ') },
  {
    key: 'last',
    header: 'Last seen',
    className: 'whitespace-nowrap text-xs text-slate-600',
    cell: (r) => formatTime(r.lastSeenAt),
  },
];

export default async function CampaignsPage() {
  const rows = await (await serverCaller()).campaign.list({});
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Indicators seen at several of your tenants: a sign of one actor targeting several clients. Only tenants in your scope are counted."
      />
      <DataTable
        caption="Campaigns"
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.type}:${r.value}`}
        empty={
          <EmptyState title="No indicator seen at more than one tenant">
            When the same IP, domain, hash or URL shows up in alerts of two or more of your tenants, it is
            listed here.
          </EmptyState>
        }
      />
    </>
  );
}
