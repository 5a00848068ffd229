import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Daemons' };

export default function DaemonsPage() {
  return (
    <>
      <PageHeader title="Daemons" description="Scheduled collectors and analyses per tenant." />
      <EmptyState title="No daemons yet">
        Daemon management is coming: syslog, IMAP, SIEM polls, MISP and TAXII feeds on per-tenant schedules,
        with enable, disable and run-now.
      </EmptyState>
    </>
  );
}
