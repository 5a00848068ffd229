'use client';

import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { DiffLines } from './version-diff';

/**
 * "Update available" when the MSSP template this playbook was copied from has a newer version: what
 * the template changed, what this tenant changed locally, and the three-way merge, editable where it
 * conflicts. Applying saves the merge as the next version (admins only; the server re-checks).
 */
export function TemplateUpgrade({ tenantId, playbookId }: { tenantId: string; playbookId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const offer = useQuery(trpc.playbookTemplate.upgrade.queryOptions({ tenantId, playbookId }));
  const [source, setSource] = useState('');
  const data = offer.data;
  useEffect(() => {
    if (data) setSource(data.merged.text);
  }, [data]);
  const apply = useMutation(
    trpc.playbookTemplate.applyUpgrade.mutationOptions({
      onSuccess: (r) => {
        if (r.ok) void queryClient.invalidateQueries();
      },
    }),
  );
  if (!data) return null;
  const conflictsLeft = (source.match(/^<<<<<<< /gm) ?? []).length;
  const result = apply.data;
  return (
    <div className="mt-6">
      <SectionCard
        title="Template update available"
        actions={
          <span className="text-sm text-slate-600">
            {data.templateId}: v{data.fromTemplateVersion} → v{data.toTemplateVersion}
          </span>
        }
      >
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-medium">What the template changed</h3>
            <DiffLines lines={data.templateDiff} label="Template changes" />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-medium">Your local changes</h3>
            {data.localDiff.every((l) => l.op === 'same') ? (
              <p className="text-sm text-slate-500">None: this copy is the template as installed.</p>
            ) : (
              <DiffLines lines={data.localDiff} label="Local changes" />
            )}
          </div>
        </div>
        <h3 className="mt-4 mb-1 text-sm font-medium">
          Merged result{' '}
          {data.merged.conflicts === 0 ? (
            <span className="text-green-700">(merged cleanly)</span>
          ) : (
            <span className="text-amber-700">
              ({data.merged.conflicts} conflict{data.merged.conflicts === 1 ? '' : 's'}: edit between the
              markers and keep what you want)
            </span>
          )}
        </h3>
        <textarea
          aria-label="Merged source"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          spellCheck={false}
          rows={Math.min(30, source.split('\n').length + 1)}
          className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={apply.isPending || conflictsLeft > 0}
            onClick={() =>
              apply.mutate({ tenantId, playbookId, toTemplateVersion: data.toTemplateVersion, source })
            }
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-40"
          >
            Apply template update
          </button>
          {conflictsLeft > 0 ? (
            <span className="text-sm text-amber-700">{conflictsLeft} conflict(s) left to resolve</span>
          ) : null}
          {apply.error ? (
            <span role="alert" className="text-sm text-red-700">
              {apply.error.message}
            </span>
          ) : null}
          {result && !result.ok ? (
            <ul role="alert" className="text-sm text-red-700">
              {result.errors.map((e) => (
                <li key={`${e.line}:${e.column}:${e.message}`}>
                  line {e.line}:{e.column} {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </SectionCard>
    </div>
  );
}
