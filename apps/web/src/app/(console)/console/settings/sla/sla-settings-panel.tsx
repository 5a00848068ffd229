'use client';

import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useTRPC } from '@/trpc/react';
import { BusinessHoursForm } from './business-hours-form';
import { HolidaysForm } from './holidays-form';
import { SlaPolicyForm } from './sla-policy-form';

export function SlaSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        SLA policies are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantSla key={tenantId} tenantId={tenantId} canEdit={canEdit} />;
}

function TenantSla({ tenantId, canEdit }: { tenantId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.sla.settings.queryOptions({ tenantId }));
  if (settings.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {settings.error.message}
      </p>
    );
  }
  if (!settings.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { policies, timezone, weeklyHours, holidays, customHours } = settings.data;
  return (
    <div className="space-y-6">
      {!canEdit ? <p className="text-sm text-slate-600">Only MSSP admins can change SLA policies.</p> : null}
      <SectionCard title="Policies by severity">
        <div className="space-y-4">
          {policies.map((p) => (
            <SlaPolicyForm key={p.severity} tenantId={tenantId} policy={p} canEdit={canEdit} />
          ))}
        </div>
      </SectionCard>
      <SectionCard title={`Business hours (${timezone})`}>
        <BusinessHoursForm tenantId={tenantId} initial={weeklyHours} custom={customHours} canEdit={canEdit} />
      </SectionCard>
      <SectionCard title="Holidays">
        <HolidaysForm tenantId={tenantId} holidays={holidays} canEdit={canEdit} />
      </SectionCard>
    </div>
  );
}
