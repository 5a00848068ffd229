import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireMe } from '@/server/auth/current-actor';
import { BrandingPanel } from './branding-panel';

export const metadata: Metadata = { title: 'Branding' };

export default async function BrandingSettingsPage() {
  const me = await requireMe('staff');
  return (
    <>
      <PageHeader
        title="Branding"
        description="Per tenant: the name, colours, logo and legal footer of its portal, emails and reports; MSSP-wide: your own name and logo on report covers."
      />
      <Suspense>
        <BrandingPanel canEdit={me.role === 'mssp_admin'} />
      </Suspense>
    </>
  );
}
