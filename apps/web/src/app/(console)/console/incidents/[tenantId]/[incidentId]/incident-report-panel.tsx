'use client';

import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { pollWhileRendering, ReportList } from '@/components/reports/report-list';
import { useTRPC } from '@/trpc/react';

/**
 * The incident's client report: the analyst's executive summary and recommendations, "Generate
 * report" (a new version each time, optionally emailed to the report recipients) and the versions
 * with live progress and downloads.
 */
export function IncidentReportPanel({
  incidentKey,
}: {
  incidentKey: { tenantId: string; incidentId: string };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listInput = { tenantId: incidentKey.tenantId, incidentId: incidentKey.incidentId };
  const reports = useQuery({
    ...trpc.reports.list.queryOptions(listInput),
    refetchInterval: (q) => pollWhileRendering(q.state.data),
  });
  const narrative = useQuery(trpc.reports.narrative.queryOptions(incidentKey));
  const refreshList = () =>
    queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey(listInput) });
  const generate = useMutation(trpc.reports.generateIncident.mutationOptions({ onSuccess: refreshList }));
  const save = useMutation(
    trpc.reports.saveNarrative.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.reports.narrative.queryKey(incidentKey), data),
    }),
  );
  const [text, setText] = useState({ executiveSummary: '', recommendations: '' });
  const [email, setEmail] = useState(false);
  useEffect(() => {
    if (narrative.data) {
      setText({
        executiveSummary: narrative.data.executiveSummary,
        recommendations: narrative.data.recommendations,
      });
    }
  }, [narrative.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...incidentKey, ...text });
  };
  const error = generate.error ?? save.error ?? reports.error ?? narrative.error;
  return (
    <SectionCard title="Client report">
      <div className="space-y-3 text-sm">
        <form onSubmit={submit} aria-label="Report narrative" className="grid gap-2">
          <label className="grid gap-1">
            <span className="font-medium">Executive summary</span>
            <textarea
              rows={4}
              maxLength={20_000}
              value={text.executiveSummary}
              onChange={(e) => setText((t) => ({ ...t, executiveSummary: e.target.value }))}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="grid gap-1">
            <span className="font-medium">Recommendations</span>
            <textarea
              rows={3}
              maxLength={20_000}
              value={text.recommendations}
              onChange={(e) => setText((t) => ({ ...t, recommendations: e.target.value }))}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <div className="flex items-center gap-2">
            <button
              type="submit"
              disabled={save.isPending}
              className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50"
            >
              {save.isPending ? 'Saving…' : 'Save text'}
            </button>
            {save.isSuccess ? <span className="text-xs text-green-700">Saved.</span> : null}
          </div>
        </form>
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
          <button
            type="button"
            disabled={generate.isPending}
            onClick={() => generate.mutate({ ...incidentKey, emailRecipients: email })}
            className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
          >
            {generate.isPending ? 'Queuing…' : 'Generate report'}
          </button>
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            Email the report recipients when ready
          </label>
        </div>
        {error ? (
          <p role="alert" className="text-xs text-red-700">
            {error.message}
          </p>
        ) : null}
        <ReportList reports={reports.data ?? []} showTitle={false} />
      </div>
    </SectionCard>
  );
}
