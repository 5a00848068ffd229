import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Staff, tenant assignments and onboarding." />
      <EmptyState title="Settings are not available yet">
        Staff management, tenant onboarding (SLA policy, contacts, branding, data sources) and tenant
        assignments are coming.
      </EmptyState>
    </>
  );
}
