'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { DaemonRunsChart } from './daemon-runs-chart';
import { daemonTone, formatMs } from './daemon-state';

type Detail = RouterOutputs['daemons']['get'];
type Run = Detail['runs'][number];

/** Waits for typing to pause before validating. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function DaemonDetail({ daemonId }: { daemonId: string | undefined }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId)
    return <EmptyState title="Choose a tenant">Daemons are per tenant: pick one above.</EmptyState>;
  return <Detail tenantId={tenantId} daemonId={daemonId} />;
}

function Detail({ tenantId, daemonId }: { tenantId: string; daemonId: string | undefined }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.daemons.get.queryOptions({ tenantId, daemonId: daemonId ?? '' }),
    enabled: Boolean(daemonId),
    refetchInterval: 3000,
  });
  if (daemonId && detail.error) return <p className="text-sm text-red-700">{detail.error.message}</p>;
  if (daemonId && !detail.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const d = detail.data;
  return (
    <>
      <PageHeader
        title={d ? d.daemon.name : 'New daemon'}
        description={
          d ? `${d.daemon.kind} · ${d.daemon.scheduleKind}` : 'Start from a template, then adapt the YAML.'
        }
      />
      <p className="mb-4 text-sm">
        <Link className="text-blue-700 hover:underline" href={`/console/daemons?tenant=${tenantId}`}>
          ← All daemons
        </Link>
      </p>
      <div className="space-y-4">
        {d ? <Controls tenantId={tenantId} detail={d} /> : null}
        <Editor tenantId={tenantId} detail={d} />
        {d ? <Cursor tenantId={tenantId} detail={d} /> : null}
        {d ? <Runs detail={d} /> : null}
        {d && d.outputs.length > 0 ? <Outputs tenantId={tenantId} detail={d} /> : null}
      </div>
    </>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () => queryClient.invalidateQueries({ queryKey: trpc.daemons.pathKey() });
}

function Controls({ tenantId, detail }: { tenantId: string; detail: Detail }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { daemon } = detail;
  const ref = { tenantId, daemonId: daemon.id };
  const [at, setAt] = useState('');
  const enable = useMutation(trpc.daemons.setEnabled.mutationOptions({ onSuccess: refresh }));
  const runNow = useMutation(trpc.daemons.runNow.mutationOptions({ onSuccess: refresh }));
  const reschedule = useMutation(trpc.daemons.reschedule.mutationOptions({ onSuccess: refresh }));
  const error = enable.error ?? runNow.error ?? reschedule.error;
  const polling = daemon.scheduleKind !== 'listen';
  return (
    <SectionCard title="Status">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Badge tone={daemonTone(daemon.state)}>{daemon.state}</Badge>
        <span>Last run: {daemon.lastRunAt ? formatTime(daemon.lastRunAt) : '—'}</span>
        <span>
          Next run: {polling ? (daemon.nextRunAt ? formatTime(daemon.nextRunAt) : '—') : 'listening'}
        </span>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
          onClick={() => enable.mutate({ ...ref, enabled: !daemon.enabled })}
          disabled={enable.isPending}
        >
          {daemon.enabled ? 'Disable' : 'Enable'}
        </button>
        {polling ? (
          <>
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
              onClick={() => runNow.mutate(ref)}
              disabled={runNow.isPending || !daemon.enabled}
            >
              Run now
            </button>
            <label className="flex items-center gap-1">
              <span>Next run at</span>
              <input
                type="datetime-local"
                className="rounded border border-slate-300 px-1"
                value={at}
                onChange={(e) => setAt(e.target.value)}
              />
            </label>
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
              onClick={() => reschedule.mutate({ ...ref, at: new Date(at) })}
              disabled={!at || reschedule.isPending || !daemon.enabled}
            >
              Reschedule
            </button>
          </>
        ) : null}
      </div>
      {daemon.lastError ? <p className="mt-2 text-sm text-red-700">Last error: {daemon.lastError}</p> : null}
      {error ? <p className="mt-2 text-sm text-red-700">{error.message}</p> : null}
    </SectionCard>
  );
}

function Editor({ tenantId, detail }: { tenantId: string; detail: Detail | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefresh();
  const templates = useQuery({ ...trpc.daemons.templates.queryOptions(), enabled: !detail });
  const [yaml, setYaml] = useState<string | undefined>(undefined);
  const text = yaml ?? detail?.daemon.yaml ?? templates.data?.[0]?.yaml ?? '';
  const debounced = useDebounced(text, 400);
  const validation = useQuery({
    ...trpc.daemons.validate.queryOptions({ yaml: debounced }),
    enabled: debounced.length > 0,
    placeholderData: (prev) => prev,
  });
  const save = useMutation(
    trpc.daemons.save.mutationOptions({
      onSuccess: (r) => {
        if (!r.ok) return;
        setYaml(undefined);
        void refresh();
        if (!detail) router.push(`/console/daemons/${r.daemonId}?tenant=${tenantId}`);
      },
    }),
  );
  const [sample, setSample] = useState('');
  const preview = useMutation(trpc.daemons.preview.mutationOptions());
  const saveErrors = save.data && !save.data.ok ? save.data.errors : [];
  const errors = saveErrors.length
    ? saveErrors
    : validation.data && !validation.data.ok
      ? validation.data.errors
      : [];
  return (
    <SectionCard title="Definition">
      {!detail && templates.data ? (
        <label className="mb-2 flex items-center gap-2 text-sm">
          <span>Template</span>
          <select
            className="rounded border border-slate-300 px-1"
            onChange={(e) => setYaml(templates.data.find((t) => t.file === e.target.value)?.yaml)}
          >
            {templates.data.map((t) => (
              <option key={t.file} value={t.file}>
                {t.kind}: {t.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <textarea
        aria-label="Daemon YAML"
        className="h-72 w-full rounded border border-slate-300 p-2 font-mono text-xs"
        spellCheck={false}
        value={text}
        onChange={(e) => setYaml(e.target.value)}
      />
      {errors.length > 0 ? (
        <ul className="mt-2 space-y-1 text-xs text-red-700" aria-live="polite">
          {errors.map((e) => (
            <li key={`${e.line}:${e.column}:${e.message}`}>
              line {e.line}, column {e.column}: {e.message}
            </li>
          ))}
        </ul>
      ) : validation.data?.ok ? (
        <p className="mt-2 text-xs text-emerald-700">Valid {validation.data.kind} daemon.</p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          className="rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-50"
          disabled={save.isPending || errors.length > 0}
          onClick={() =>
            save.mutate({ tenantId, yaml: text, ...(detail ? { daemonId: detail.daemon.id } : {}) })
          }
        >
          {detail ? 'Save changes' : 'Create daemon'}
        </button>
        {save.error ? <span className="text-sm text-red-700">{save.error.message}</span> : null}
      </div>
      <h3 className="mt-4 text-sm font-semibold">Mapping preview</h3>
      <textarea
        aria-label="Sample event"
        placeholder='Paste a sample event: JSON ({"id": 1, ...}) or a raw syslog/CEF/LEEF line'
        className="mt-1 h-24 w-full rounded border border-slate-300 p-2 font-mono text-xs"
        value={sample}
        onChange={(e) => setSample(e.target.value)}
      />
      <button
        type="button"
        className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
        disabled={!sample || preview.isPending}
        onClick={() => preview.mutate({ yaml: text, sample })}
      >
        Preview
      </button>
      {preview.data ? (
        <pre className="mt-2 max-h-72 overflow-auto rounded bg-slate-50 p-2 text-xs">
          {JSON.stringify(preview.data, null, 2)}
        </pre>
      ) : null}
    </SectionCard>
  );
}

function Cursor({ tenantId, detail }: { tenantId: string; detail: Detail }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const ref = { tenantId, daemonId: detail.daemon.id };
  const [value, setValue] = useState('');
  const reset = useMutation(trpc.daemons.resetCursor.mutationOptions({ onSuccess: refresh }));
  const rewind = useMutation(trpc.daemons.rewindCursor.mutationOptions({ onSuccess: refresh }));
  let parsed: unknown;
  let parseError = '';
  try {
    parsed = value ? JSON.parse(value) : undefined;
  } catch (err) {
    parseError = (err as Error).message;
  }
  return (
    <SectionCard title="Cursor">
      <p className="text-sm">
        Current: <code className="text-xs">{JSON.stringify(detail.cursor?.value ?? null)}</code>
        {detail.cursor ? (
          <span className="text-slate-500"> (since {formatTime(detail.cursor.updatedAt)})</span>
        ) : null}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
          onClick={() => {
            if (
              window.confirm(
                'Reset the cursor? The next run re-reads the look-back window (duplicates are dropped).',
              )
            )
              reset.mutate(ref);
          }}
        >
          Reset
        </button>
        <input
          aria-label="Rewind to (JSON)"
          className="w-80 rounded border border-slate-300 px-1 font-mono text-xs"
          placeholder='Rewind to, as JSON, e.g. {"value": 120, "id": 120}'
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
          disabled={!value || Boolean(parseError) || rewind.isPending}
          onClick={() => rewind.mutate({ ...ref, value: parsed })}
        >
          Rewind
        </button>
        {parseError ? <span className="text-xs text-red-700">{parseError}</span> : null}
        {(reset.error ?? rewind.error) ? (
          <span className="text-xs text-red-700">{(reset.error ?? rewind.error)?.message}</span>
        ) : null}
      </div>
      {detail.cursorHistory.length > 0 ? (
        <ul className="mt-3 space-y-1 text-xs">
          {detail.cursorHistory.map((h) => (
            <li key={h.id}>
              {formatTime(h.setAt)} · {h.reason} ·{' '}
              <button
                type="button"
                className="font-mono text-blue-700 hover:underline"
                onClick={() => setValue(JSON.stringify(h.value))}
              >
                {JSON.stringify(h.value)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}

function Runs({ detail }: { detail: Detail }) {
  const columns: Column<Run>[] = [
    { key: 'started', header: 'Started', cell: (r) => formatTime(r.startedAt) },
    { key: 'status', header: 'Status', cell: (r) => <Badge tone={daemonTone(r.status)}>{r.status}</Badge> },
    { key: 'trigger', header: 'Trigger', cell: (r) => r.trigger },
    { key: 'duration', header: 'Duration', cell: (r) => formatMs(r.durationMs) },
    { key: 'fetched', header: 'Fetched', cell: (r) => r.fetched },
    { key: 'new', header: 'New', cell: (r) => r.created },
    { key: 'dup', header: 'Duplicate', cell: (r) => r.duplicates },
    { key: 'filtered', header: 'Filtered', cell: (r) => r.filtered },
    { key: 'failed', header: 'Failed', cell: (r) => r.failed },
    { key: 'lag', header: 'Lag', cell: (r) => formatMs(r.lagMs) },
    {
      key: 'note',
      header: 'Result',
      cell: (r) => (
        <span className={r.error ? 'text-xs text-red-700' : 'text-xs'}>{r.error ?? r.summary ?? ''}</span>
      ),
    },
  ];
  const points = [...detail.runs].reverse().map((r) => ({
    label: new Date(r.startedAt).toISOString().slice(11, 16),
    created: r.created,
    duplicates: r.duplicates,
    failed: r.failed,
  }));
  return (
    <SectionCard title="Runs">
      {detail.runs.length === 0 ? (
        <EmptyState title="No run yet">
          The first run starts at the next scheduled time (or press Run now).
        </EmptyState>
      ) : (
        <>
          <DaemonRunsChart data={points} />
          <DataTable columns={columns} rows={detail.runs} rowKey={(r) => r.id} caption="Run history" />
        </>
      )}
    </SectionCard>
  );
}

function Outputs({ tenantId, detail }: { tenantId: string; detail: Detail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const download = async (outputId: string) => {
    const file = await queryClient.fetchQuery(trpc.daemons.output.queryOptions({ tenantId, outputId }));
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <SectionCard title="Saved files">
      <ul className="space-y-1 text-sm">
        {detail.outputs.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              className="text-blue-700 hover:underline"
              onClick={() => void download(o.id)}
            >
              {o.fileName}
            </button>{' '}
            <span className="text-xs text-slate-500">{formatTime(o.createdAt)}</span>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
