'use client';

import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import { ReportList } from '@/components/reports/report-list';
import { useTRPC } from '@/trpc/react';

/** The company's finished reports, newest first. */
export function PortalReportList({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const reports = useQuery(trpc.reports.list.queryOptions({ tenantId, limit: 200 }));
  if (reports.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {reports.error.message}
      </p>
    );
  }
  if (!reports.data) return <p className="text-sm text-slate-500">Loading…</p>;
  if (reports.data.length === 0) {
    return (
      <EmptyState title="No reports yet">
        Your MSSP has not published a report for your company yet.
      </EmptyState>
    );
  }
  const incident = reports.data.filter((r) => r.kind === 'incident');
  const periodic = reports.data.filter((r) => r.kind === 'periodic');
  return (
    <div className="space-y-6">
      <SectionCard title={`Periodic reports (${periodic.length})`}>
        <ReportList reports={periodic} />
      </SectionCard>
      <SectionCard title={`Incident reports (${incident.length})`}>
        <ReportList reports={incident} />
      </SectionCard>
    </div>
  );
}
