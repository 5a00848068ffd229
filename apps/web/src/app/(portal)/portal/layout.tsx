import { AppShell } from '@palisade/ui/app-shell';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { AreaNav } from '@/components/area-nav';
import { logoSrc } from '@/components/logo-src';
import { UserMenu } from '@/components/user-menu';
import { requireMe } from '@/server/auth/current-actor';
import { TRPCReactProvider } from '@/trpc/react';

const NAV = [
  { href: '/portal', label: 'Overview' },
  { href: '/portal/incidents', label: 'Incidents' },
  { href: '/portal/reports', label: 'Reports' },
  { href: '/portal/sla', label: 'SLA' },
] as const;

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const me = await requireMe('client');
  const tenant = me.tenant;
  const logo = logoSrc(tenant?.logoSvg ?? null);
  const name = tenant?.brandName ?? tenant?.name ?? 'Client portal';
  return (
    <div className="portal-brand">
      {/* Brand colours as CSS variables (see brand.css/route.ts): the CSP allows no inline styles. */}
      <link rel="stylesheet" href="/portal/brand.css" precedence="brand" />
      <AppShell
        brand={
          <>
            {/* biome-ignore lint/performance/noImgElement: a data: URI logo; next/image would add nothing */}
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
