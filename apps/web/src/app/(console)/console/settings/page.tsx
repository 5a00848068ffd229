import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Staff, tenant assignments and onboarding." />
      <ul className="mb-6 space-y-2 text-sm">
        <li>
          <Link href="/console/settings/data-sources" className="font-medium text-sky-800 hover:underline">
            Data sources
          </Link>
          <span className="text-slate-600"> — alert senders per tenant and their ingest API keys.</span>
        </li>
        <li>
          <Link href="/console/settings/lists" className="font-medium text-sky-800 hover:underline">
            Global lists
          </Link>
          <span className="text-slate-600">
            {' '}
            — allow/block lists, assets, VIP users and aliases, per tenant and MSSP-wide.
          </span>
        </li>
        <li>
          <Link href="/console/settings/contacts" className="font-medium text-sky-800 hover:underline">
            Contacts
          </Link>
          <span className="text-slate-600">
            {' '}
            — primary, escalation and report contacts per tenant, the tier 1 rule, SOC management.
          </span>
        </li>
        <li>
          <Link href="/console/settings/sla" className="font-medium text-sky-800 hover:underline">
            SLA policies
          </Link>
          <span className="text-slate-600">
            {' '}
            — time to assign and resolve per severity, business hours, holidays, warnings and escalation.
          </span>
        </li>
        <li>
          <Link href="/console/settings/grouping" className="font-medium text-sky-800 hover:underline">
            Alert grouping
          </Link>
          <span className="text-slate-600">
            {' '}
            — which alerts join one incident, per tenant and per data source, with a preview.
          </span>
        </li>
        <li>
          <Link href="/console/settings/branding" className="font-medium text-sky-800 hover:underline">
            Branding
          </Link>
          <span className="text-slate-600">
            {' '}
            — logo, colours and legal footer per tenant; the MSSP's name and logo.
          </span>
        </li>
        <li>
          <Link href="/console/settings/integrations" className="font-medium text-sky-800 hover:underline">
            Integrations
          </Link>
          <span className="text-slate-600">
            {' '}
            — OSINT reputation providers and the daemon connectors' credentials (write-only, with a connection
            test).
          </span>
        </li>
        <li>
          <Link href="/console/settings/attack-rules" className="font-medium text-sky-800 hover:underline">
            ATT&amp;CK mapping rules
          </Link>
          <span className="text-slate-600">
            {' '}
            — rule name or source patterns mapped to MITRE ATT&amp;CK techniques.
          </span>
        </li>
      </ul>
      <EmptyState title="More settings are not available yet">
        Staff management, tenant onboarding (SLA policy, contacts, branding) and tenant assignments are
        coming.
      </EmptyState>
    </>
  );
}
