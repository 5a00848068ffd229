'use client';

import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { GroupingRuleForm } from './grouping-rule-form';

export function GroupingPanel({ canEdit }: { canEdit: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Grouping rules are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantGrouping tenantId={tenantId} canEdit={canEdit} />;
}

/** The tenant-wide rule, then the data source whose override is being edited (or none). */
function TenantGrouping({ tenantId, canEdit }: { tenantId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const grouping = useQuery(trpc.grouping.get.queryOptions({ tenantId }));
  const [sourceId, setSourceId] = useState('');
  if (grouping.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {grouping.error.message}
      </p>
    );
  }
  if (!grouping.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const source = grouping.data.sources.find((s) => s.id === sourceId);
  return (
    <div className="space-y-6">
      <SectionCard title="Tenant-wide rule">
        <GroupingRuleForm
          key={`tenant:${tenantId}`}
          tenantId={tenantId}
          initial={grouping.data.tenant}
          canEdit={canEdit}
        />
      </SectionCard>
      <SectionCard
        title="Per data source"
        actions={
          <label className="text-sm text-slate-600">
            Data source{' '}
            <select
              value={sourceId}
              onChange={(e) => setSourceId(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
            >
              <option value="">choose…</option>
              {grouping.data.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.rule ? ' (own rule)' : ''}
                </option>
              ))}
            </select>
          </label>
        }
      >
        {source ? (
          <GroupingRuleForm
            key={`source:${source.id}`}
            tenantId={tenantId}
            dataSourceId={source.id}
            initial={source.rule}
            fallback={grouping.data.tenant}
            canEdit={canEdit}
          />
        ) : (
          <p className="text-sm text-slate-500">
            {grouping.data.sources.filter((s) => s.rule).length} of {grouping.data.sources.length} data
            sources have their own rule; the others use the tenant-wide rule. Choose one to edit or preview
            it.
          </p>
        )}
      </SectionCard>
    </div>
  );
}
