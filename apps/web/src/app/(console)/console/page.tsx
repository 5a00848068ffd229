import { KpiTile } from '@palisade/ui/kpi-tile';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Overview' };

export default async function ConsoleOverviewPage() {
  const tenants = await (await serverCaller()).tenant.list();
  const active = tenants.filter((t) => t.status === 'active').length;
  return (
    <>
      <PageHeader title="Overview" description="Your tenants at a glance." />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <KpiTile label="Tenants in your scope" value={tenants.length} />
        <KpiTile label="Active tenants" value={active} />
        <KpiTile label="Open incidents" value="—" hint="Counted once incident intake is built." />
      </dl>
    </>
  );
}
