import { AppShell } from '@palisade/ui/app-shell';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { AreaNav } from '@/components/area-nav';
import { UserMenu } from '@/components/user-menu';
import { requireMe } from '@/server/auth/current-actor';
import { TRPCReactProvider } from '@/trpc/react';
import { serverCaller } from '@/trpc/server';

const NAV = [
  { href: '/portal', label: 'Overview' },
  { href: '/portal/incidents', label: 'Incidents' },
  { href: '/portal/reports', label: 'Reports' },
  { href: '/portal/sla', label: 'SLA' },
  { href: '/portal/kpis', label: 'KPIs' },
  { href: '/portal/users', label: 'Users' },
  { href: '/portal/audit', label: 'Audit log' },
] as const;

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const me = await requireMe('client');
  const tenant = me.tenant;
  // The logo comes from its own route (validated bytes, never inline markup); the version busts caches.
  const branding = tenant ? await (await serverCaller()).branding.get({ tenantId: tenant.id }) : null;
  const logo =
    tenant && branding?.logo ? `/api/branding/v1/tenants/${tenant.id}/logo?v=${branding.logo.version}` : null;
  const name = branding?.companyName ?? 'Client portal';
  return (
    <div className="portal-brand">
      {/* Brand colours as CSS variables (see brand.css/route.ts): the CSP allows no inline styles. */}
      <link rel="stylesheet" href="/portal/brand.css" precedence="brand" />
      <AppShell
        brand={
          <>
            {/* biome-ignore lint/performance/noImgElement: a same-origin logo route; next/image would add nothing */}
            {logo ? <img src={logo} alt="" className="h-7 w-7 rounded bg-white p-0.5" /> : null}
            <span>{name}</span>
          </>
        }
        sidebar={
          <Suspense>
            <AreaNav items={NAV} root="/portal" label="Portal" />
          </Suspense>
        }
        topBar={<UserMenu name={me.name} email={me.email} role={me.role} />}
      >
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </AppShell>
    </div>
  );
}
