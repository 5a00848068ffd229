'use client';

import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { pollWhileRendering, ReportList } from '@/components/reports/report-list';
import { useTRPC } from '@/trpc/react';
import { ReportSchedules } from './report-schedules';

export function ReportsPanel({ canSchedule }: { canSchedule: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Reports are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantReports key={tenantId} tenantId={tenantId} canSchedule={canSchedule} />;
}

/** The first and last day of the previous calendar month (UTC), a sensible default period. */
function lastMonth(): { fromDay: string; toDay: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) };
}

function TenantReports({ tenantId, canSchedule }: { tenantId: string; canSchedule: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listInput = { tenantId, limit: 100 };
  const reports = useQuery({
    ...trpc.reports.list.queryOptions(listInput),
    refetchInterval: (q) => pollWhileRendering(q.state.data),
  });
  const generate = useMutation(
    trpc.reports.generatePeriodic.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey(listInput) }),
    }),
  );
  const [period, setPeriod] = useState(lastMonth);
  const [email, setEmail] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    generate.mutate({ tenantId, ...period, emailRecipients: email });
  };
  return (
    <div className="space-y-6">
      <SectionCard title="Periodic report on demand">
        <form
          onSubmit={submit}
          aria-label="Generate periodic report"
          className="flex flex-wrap items-end gap-3 text-sm"
        >
          <label className="grid gap-1">
            <span className="font-medium">First day</span>
            <input
              type="date"
              required
              value={period.fromDay}
              onChange={(e) => setPeriod((p) => ({ ...p, fromDay: e.target.value }))}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="grid gap-1">
            <span className="font-medium">Last day</span>
            <input
              type="date"
              required
              value={period.toDay}
              onChange={(e) => setPeriod((p) => ({ ...p, toDay: e.target.value }))}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            Email the report recipients when ready
          </label>
          <button
            type="submit"
            disabled={generate.isPending || !reports.isSuccess}
            className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
          >
            {generate.isPending ? 'Queuing…' : 'Generate periodic report'}
          </button>
        </form>
        {generate.error ? (
          <p role="alert" className="mt-2 text-xs text-red-700">
            {generate.error.message}
          </p>
        ) : null}
      </SectionCard>
      <ReportSchedules tenantId={tenantId} canEdit={canSchedule} />
      <SectionCard title="All reports">
        {reports.error ? (
          <p role="alert" className="text-sm text-red-700">
            {reports.error.message}
          </p>
        ) : reports.data ? (
          <ReportList reports={reports.data} />
        ) : (
          <p className="text-sm text-slate-500">Loading reports…</p>
        )}
      </SectionCard>
    </div>
  );
}
