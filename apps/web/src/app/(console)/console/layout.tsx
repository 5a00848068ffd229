import { AppShell } from '@palisade/ui/app-shell';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { AreaNav } from '@/components/area-nav';
import { TenantFilter } from '@/components/tenant-filter';
import { UserMenu } from '@/components/user-menu';
import { requireMe } from '@/server/auth/current-actor';
import { TRPCReactProvider } from '@/trpc/react';
import { serverCaller } from '@/trpc/server';

const NAV = [
  { href: '/console', label: 'Overview' },
  { href: '/console/incidents', label: 'Incidents' },
  { href: '/console/campaigns', label: 'Campaigns' },
  { href: '/console/tenants', label: 'Tenants' },
  { href: '/console/playbooks', label: 'Playbooks' },
  { href: '/console/daemons', label: 'Daemons' },
  { href: '/console/reports', label: 'Reports' },
  { href: '/console/kpis', label: 'KPIs' },
  { href: '/console/notifications', label: 'Notifications' },
  { href: '/console/audit', label: 'Audit log' },
  { href: '/console/settings', label: 'Settings' },
] as const;

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const me = await requireMe('staff');
  const tenants = await (await serverCaller()).tenant.list();
  return (
    <AppShell
      brand={<span>Palisade</span>}
      sidebar={
        <Suspense>
          <AreaNav items={NAV} root="/console" label="Console" />
        </Suspense>
      }
      topBar={
        <>
          <Suspense>
            <TenantFilter tenants={tenants.map(({ id, name }) => ({ id, name }))} />
          </Suspense>
          <UserMenu name={me.name} email={me.email} role={me.role} />
        </>
      }
    >
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </AppShell>
  );
}
