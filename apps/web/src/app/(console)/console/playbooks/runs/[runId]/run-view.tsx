'use client';

import { Badge } from '@palisade/ui/badge';
import { EmptyState } from '@palisade/ui/empty-state';
import { JsonViewer } from '@palisade/ui/json-viewer';
import { PageHeader } from '@palisade/ui/page-header';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { dagColumns } from '../../dag-levels';
import { statusTone } from '../../status-tone';

type RunData = RouterOutputs['playbook']['run'];
type GraphStep = RunData['graph'][number];

const BORDER: Record<string, string> = {
  succeeded: 'border-green-500 bg-green-50',
  failed: 'border-red-500 bg-red-50',
  running: 'border-blue-500 bg-blue-50',
  waiting: 'border-amber-500 bg-amber-50',
  skipped: 'border-slate-300 bg-slate-50 opacity-60',
  pending: 'border-slate-300 bg-white',
};

export function RunView({ runId }: { runId: string }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) return <EmptyState title="Choose a tenant">Runs are per tenant: pick one above.</EmptyState>;
  return <Run tenantId={tenantId} runId={runId} />;
}

function Run({ tenantId, runId }: { tenantId: string; runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Live status: poll while the run is still going.
  const run = useQuery({
    ...trpc.playbook.run.queryOptions({ tenantId, runId }),
    refetchInterval: (query) => (query.state.data?.run.status === 'running' ? 1500 : false),
  });
  const [selected, setSelected] = useState<string | undefined>();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.playbook.run.queryKey({ tenantId, runId }) });
  const cancel = useMutation(trpc.playbook.cancel.mutationOptions({ onSuccess: refresh }));
  const rerun = useMutation(trpc.playbook.rerunStep.mutationOptions({ onSuccess: refresh }));
  const decide = useMutation(trpc.playbook.decide.mutationOptions({ onSuccess: refresh }));
  const q = `?tenant=${tenantId}`;

  if (run.error) return <EmptyState title="Run not available">{run.error.message}</EmptyState>;
  if (!run.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { run: r, graph, steps, decisions, children } = run.data;
  const columns = dagColumns(graph);
  const detail = graph.find((s) => s.id === selected);
  const attempts = steps.filter((s) => s.stepId === selected);
  const pending = decisions.filter((d) => d.status === 'pending');
  const error = cancel.error ?? rerun.error ?? decide.error;

  return (
    <>
      <PageHeader
        title={`${r.name} · v${r.version}`}
        description={`${r.trigger}${r.dryRun ? ' · dry run' : ''} · started ${formatTime(r.startedAt)}${
          r.finishedAt ? ` · finished ${formatTime(r.finishedAt)}` : ''
        }`}
        actions={
          <div className="flex items-center gap-3">
            <Badge tone={statusTone(r.status)}>{r.status}</Badge>
            {r.status === 'running' ? (
              <button
                type="button"
                className="rounded-md border border-red-400 px-3 py-1 text-sm text-red-700"
                onClick={() => cancel.mutate({ tenantId, runId })}
              >
                Cancel run
              </button>
            ) : null}
            <Link
              className="text-sm text-blue-700 hover:underline"
              href={`/console/playbooks/${r.playbookId}${q}`}
            >
              Playbook
            </Link>
            {r.parentRunId ? (
              <Link
                className="text-sm text-blue-700 hover:underline"
                href={`/console/playbooks/runs/${r.parentRunId}${q}`}
              >
                Parent run
              </Link>
            ) : null}
          </div>
        }
      />
      {r.error ? <p className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">{r.error}</p> : null}
      {error ? <p className="mb-4 text-sm text-red-700">{error.message}</p> : null}
      <SectionCard title="Step graph">
        <div
          className="grid gap-6 overflow-x-auto"
          style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(10rem, 1fr))` }}
        >
          {columns.map((col, level) => (
            <div key={String(level)} className="flex flex-col gap-3">
              <div className="text-xs uppercase text-slate-400">level {level + 1}</div>
              {col.map((s) => (
                <StepBox
                  key={s.id}
                  step={s}
                  selected={s.id === selected}
                  onSelect={() => setSelected(s.id)}
                />
              ))}
            </div>
          ))}
        </div>
      </SectionCard>
      {pending.length ? (
        <div className="mt-6">
          <SectionCard title="Waiting for a decision">
            {pending.map((d) => (
              <div key={`${d.stepId}:${d.itemIndex}`} className="space-y-2 text-sm">
                <p>
                  <strong>{d.prompt}</strong> <span className="text-slate-500">(role {d.role})</span>
                </p>
                <div className="flex gap-2">
                  {d.choices.map((choice) => (
                    <button
                      key={choice}
                      type="button"
                      className="rounded-md border border-slate-400 px-3 py-1"
                      onClick={() =>
                        decide.mutate({ tenantId, runId, stepId: d.stepId, index: d.itemIndex, choice })
                      }
                    >
                      {choice}
                    </button>
                  ))}
                </div>
              </div>
            ))}
          </SectionCard>
        </div>
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
        <SectionCard
          title={detail ? `Step ${detail.name}` : 'Step detail'}
          actions={
            detail?.status === 'failed' && r.status !== 'running' ? (
              <button
                type="button"
                className="rounded-md border border-slate-400 px-3 py-1 text-sm"
                onClick={() => rerun.mutate({ tenantId, runId, stepId: detail.id })}
              >
                Re-run this step
              </button>
            ) : null
          }
        >
          {!detail ? <p className="text-sm text-slate-500">Select a step in the graph.</p> : null}
          {detail?.skipReason ? <p className="text-sm text-slate-500">Skipped: {detail.skipReason}</p> : null}
          {detail && attempts.length === 0 && !detail.skipReason ? (
            <p className="text-sm text-slate-500">No attempt yet.</p>
          ) : null}
          <ol className="space-y-4">
            {attempts.map((a) => (
              <li
                key={`${a.index}:${a.generation}:${a.attempt}`}
                className="rounded-md border border-slate-200 p-3 text-sm"
              >
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone(a.status)}>{a.status}</Badge>
                  <span>
                    {a.kind}
                    {a.actionId ? ` ${a.actionId}` : ''} · attempt {a.attempt}
                    {a.generation ? ` · re-run ${a.generation}` : ''}
                    {detail?.foreach ? ` · item ${a.index}` : ''}
                  </span>
                  <span className="text-xs text-slate-500">
                    {a.startedAt ? formatTime(a.startedAt) : `queued ${formatTime(a.queuedAt)}`}
                    {a.startedAt && a.finishedAt
                      ? ` · ${a.finishedAt.getTime() - a.startedAt.getTime()} ms`
                      : ''}
                  </span>
                </div>
                {a.error ? <p className="mb-2 text-red-700">{a.error}</p> : null}
                <JsonViewer value={a.input} summary="Input" />
                {a.output !== null && a.output !== undefined ? (
                  <JsonViewer value={a.output} summary="Output" open />
                ) : null}
              </li>
            ))}
          </ol>
        </SectionCard>
        <div className="space-y-6">
          <SectionCard title="Inputs and outputs">
            <JsonViewer value={r.inputs} summary="Inputs" open />
            {r.outputs ? <JsonViewer value={r.outputs} summary="Outputs" open /> : null}
          </SectionCard>
          {children.length ? (
            <SectionCard title="Nested runs">
              <ul className="space-y-1 text-sm">
                {children.map((c) => (
                  <li key={c.id}>
                    <Link
                      className="text-blue-700 hover:underline"
                      href={`/console/playbooks/runs/${c.id}${q}`}
                    >
                      {c.parentStepId}
                    </Link>{' '}
                    <Badge tone={statusTone(c.status)}>{c.status}</Badge>
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null}
        </div>
      </div>
    </>
  );
}

function StepBox({ step, selected, onSelect }: { step: GraphStep; selected: boolean; onSelect: () => void }) {
  return (
    <button
      type="button"
      onClick={onSelect}
      className={`rounded-md border-2 p-2 text-left text-xs ${BORDER[step.status] ?? BORDER.pending} ${
        selected ? 'ring-2 ring-slate-900' : ''
      }`}
    >
      <div className="font-medium text-slate-900">{step.name}</div>
      <div className="text-slate-500">
        {step.kind}
        {step.uses ? ` · ${step.uses}` : ''}
        {step.foreach ? ' · foreach' : ''}
      </div>
      <div className="mt-1">
        <Badge tone={statusTone(step.status)}>{step.status}</Badge>
      </div>
      {step.needs.length ? <div className="mt-1 text-slate-400">after {step.needs.join(', ')}</div> : null}
    </button>
  );
}
