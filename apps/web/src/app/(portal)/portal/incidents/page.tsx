import { PageHeader } from '@palisade/ui/page-header';
import type { Metadata } from 'next';
import { PortalIncidentList } from './portal-incident-list';

export const metadata: Metadata = { title: 'Incidents' };

export default function PortalIncidentsPage() {
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Security incidents your MSSP is handling for your company."
      />
      <PortalIncidentList />
    </>
  );
}
