'use client';

import { Badge } from '@palisade/ui/badge';
import { EmptyState } from '@palisade/ui/empty-state';
import { PageHeader } from '@palisade/ui/page-header';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import { statusTone } from '../status-tone';
import { TemplateUpgrade } from './template-upgrade';
import { VersionDiff } from './version-diff';

const STARTER = `id: my-playbook
name: My playbook
version: 1
trigger: { type: manual }
steps:
  - id: hello
    uses: var.set
    with: { value: hello }
`;

/** Waits for typing to pause before validating. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function PlaybookEditor({ playbookId }: { playbookId: string | undefined }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId)
    return <EmptyState title="Choose a tenant">Playbooks are per tenant: pick one above.</EmptyState>;
  return <Editor tenantId={tenantId} playbookId={playbookId} />;
}

function Editor({ tenantId, playbookId }: { tenantId: string; playbookId: string | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const q = `?tenant=${tenantId}`;
  const current = useQuery({
    ...trpc.playbook.get.queryOptions({ tenantId, playbookId: playbookId ?? '' }),
    enabled: Boolean(playbookId),
  });
  const [source, setSource] = useState<string | undefined>(playbookId ? undefined : STARTER);
  const text = source ?? current.data?.version.source ?? '';
  const debounced = useDebounced(text, 400);
  const validation = useQuery({
    ...trpc.playbook.validate.queryOptions({ tenantId, source: debounced }),
    enabled: debounced.length > 0,
    placeholderData: (prev) => prev,
  });
  const errors = validation.data?.errors ?? [];
  const errorLines = useMemo(() => new Set(errors.map((e) => e.line)), [errors]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.playbook.pathKey() });

  const save = useMutation(
    trpc.playbook.save.mutationOptions({
      onSuccess: (r) => {
        if (!r.ok) return;
        setSource(undefined);
        void refresh();
        if (!playbookId) router.push(`/console/playbooks/${r.playbookId}${q}`);
      },
    }),
  );
  const [incidentId, setIncidentId] = useState('');
  const start = useMutation(
    trpc.playbook.start.mutationOptions({
      onSuccess: (r) => router.push(`/console/playbooks/runs/${r.runId}${q}`),
    }),
  );
  const dryRun = useMutation(
    trpc.playbook.dryRun.mutationOptions({
      onSuccess: (r) => router.push(`/console/playbooks/runs/${r.runId}${q}`),
    }),
  );
  const saveErrors = save.data && !save.data.ok ? save.data.errors : [];
  const lines = text.split('\n');
  const dirty = source !== undefined && source !== current.data?.version.source;

  return (
    <>
      <PageHeader
        title={current.data?.playbook.name ?? (playbookId ? 'Playbook' : 'New playbook')}
        description={
          current.data
            ? `${current.data.playbook.slug} · v${current.data.playbook.currentVersion} · trigger ${current.data.playbook.triggerType}`
            : 'YAML or JSON; validated as you type.'
        }
        actions={
          <Link className="text-sm text-blue-700 hover:underline" href={`/console/playbooks${q}`}>
            All playbooks
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <SectionCard
          title="Source"
          actions={
            <button
              type="button"
              disabled={save.isPending || errors.length > 0 || (!dirty && Boolean(playbookId))}
              onClick={() => save.mutate({ tenantId, source: text, ...(playbookId ? { playbookId } : {}) })}
              className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-40"
            >
              {save.isPending ? 'Saving…' : 'Save new version'}
            </button>
          }
        >
          <div className="flex overflow-hidden rounded-md border border-slate-300 font-mono text-xs">
            <div aria-hidden className="select-none bg-slate-50 px-2 py-2 text-right text-slate-400">
              {lines.map((_, i) => (
                <div
                  key={String(i)}
                  className={errorLines.has(i + 1) ? 'bg-red-100 font-bold text-red-700' : ''}
                >
                  {i + 1}
                </div>
              ))}
            </div>
            <textarea
              aria-label="Playbook source"
              spellCheck={false}
              value={text}
              onChange={(e) => setSource(e.target.value)}
              rows={Math.max(20, lines.length + 1)}
              className="w-full resize-y px-2 py-2 leading-[1rem] outline-none"
              style={{ lineHeight: '1rem' }}
            />
          </div>
          <div className="mt-3" aria-live="polite">
            {validation.isFetching ? <p className="text-xs text-slate-500">Validating…</p> : null}
            {errors.length === 0 && validation.data ? <p className="text-sm text-green-700">Valid.</p> : null}
            {[...errors, ...saveErrors].length > 0 ? (
              <ul className="space-y-1 text-sm">
                {[...errors, ...saveErrors].map((e, i) => (
                  <li key={`${e.line}:${e.column}:${String(i)}`} className="text-red-700">
                    <span className="font-mono">
                      {e.line}:{e.column}
                    </span>{' '}
                    <Badge tone="danger">{e.code}</Badge> {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {save.error ? <p className="text-sm text-red-700">{save.error.message}</p> : null}
          </div>
        </SectionCard>
        <div className="space-y-6">
          {playbookId ? (
            <SectionCard title="Run">
              <div className="space-y-2 text-sm">
                <button
                  type="button"
                  className="rounded-md bg-blue-700 px-3 py-1.5 text-white disabled:opacity-40"
                  disabled={start.isPending}
                  onClick={() =>
                    start.mutate({ tenantId, playbookId, ...(incidentId ? { incidentId } : {}) })
                  }
                >
                  Start run
                </button>
                <label className="block">
                  Incident id (context; required for a dry run)
                  <input
                    value={incidentId}
                    onChange={(e) => setIncidentId(e.target.value.trim())}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
                  />
                </label>
                <button
                  type="button"
                  className="rounded-md border border-slate-400 px-3 py-1.5 disabled:opacity-40"
                  disabled={!incidentId || dryRun.isPending}
                  onClick={() => dryRun.mutate({ tenantId, playbookId, incidentId })}
                >
                  Dry run against incident
                </button>
                {start.error ? <p className="text-red-700">{start.error.message}</p> : null}
                {dryRun.error ? <p className="text-red-700">{dryRun.error.message}</p> : null}
              </div>
            </SectionCard>
          ) : null}
          {playbookId ? <History tenantId={tenantId} playbookId={playbookId} /> : null}
          {playbookId ? <RecentRuns tenantId={tenantId} playbookId={playbookId} /> : null}
        </div>
      </div>
      {playbookId ? <TemplateUpgrade tenantId={tenantId} playbookId={playbookId} /> : null}
      {playbookId && current.data && current.data.playbook.currentVersion > 1 ? (
        <VersionDiff
          tenantId={tenantId}
          playbookId={playbookId}
          latest={current.data.playbook.currentVersion}
        />
      ) : null}
    </>
  );
}

function History({ tenantId, playbookId }: { tenantId: string; playbookId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.playbook.versions.queryOptions({ tenantId, playbookId }));
  const rollback = useMutation(
    trpc.playbook.rollback.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.playbook.pathKey() }),
    }),
  );
  const latest = versions.data?.[0]?.version;
  return (
    <SectionCard title="Version history">
      <ul className="space-y-1 text-sm">
        {(versions.data ?? []).map((v) => (
          <li key={v.version} className="flex items-center justify-between gap-2">
            <span>
              <strong>v{v.version}</strong>{' '}
              <span className="text-xs text-slate-500">{formatTime(v.createdAt)}</span>
              {v.note ? <span className="block text-xs text-slate-500">{v.note}</span> : null}
            </span>
            {v.version !== latest ? (
              <button
                type="button"
                className="text-xs text-blue-700 hover:underline"
                onClick={() => rollback.mutate({ tenantId, playbookId, version: v.version })}
              >
                Roll back to v{v.version}
              </button>
            ) : (
              <Badge tone="success">current</Badge>
            )}
          </li>
        ))}
      </ul>
      {rollback.error ? <p className="text-sm text-red-700">{rollback.error.message}</p> : null}
    </SectionCard>
  );
}

function RecentRuns({ tenantId, playbookId }: { tenantId: string; playbookId: string }) {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.playbook.runs.queryOptions({ tenantId, playbookId, limit: 10 }),
    refetchInterval: 3000,
  });
  return (
    <SectionCard title="Recent runs">
      <ul className="space-y-1 text-sm">
        {(runs.data ?? []).map((r) => (
          <li key={r.id}>
            <Link
              className="text-blue-700 hover:underline"
              href={`/console/playbooks/runs/${r.id}?tenant=${tenantId}`}
            >
              {formatTime(r.startedAt)}
            </Link>{' '}
            <Badge tone={statusTone(r.status)}>{r.status}</Badge> v{r.version}
            {r.dryRun ? ' (dry run)' : ''}
          </li>
        ))}
        {runs.data?.length === 0 ? <li className="text-slate-500">No runs yet.</li> : null}
      </ul>
    </SectionCard>
  );
}
