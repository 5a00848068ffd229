'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';

/** Upload → server-side preview with per-row errors → import of the valid rows. */
export function CsvImport({
  tenantId,
  list,
  onImported,
}: {
  tenantId: string;
  list: string;
  onImported: () => void;
}) {
  const trpc = useTRPC();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const preview = useMutation(trpc.lists.importPreview.mutationOptions());
  const commit = useMutation(trpc.lists.importCommit.mutationOptions({ onSuccess: () => onImported() }));
  const input = { tenantId, csv: file?.text ?? '', defaultList: list as 'allow', fileName: file?.name };
  const data = preview.data;
  return (
    <div className="space-y-2 rounded border border-slate-200 p-3">
      <p className="text-sm font-medium">Import CSV</p>
      <p className="text-xs text-slate-600">
        Columns: list, match_kind, value, artifact_type, criticality, reason, owner, expires_at (an empty list
        cell means this list).
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          preview.reset();
          commit.reset();
          setFile(f ? { name: f.name, text: await f.text() } : null);
        }}
      />
      <div className="flex gap-2">
        <button
          type="button"
          disabled={!file || preview.isPending}
          onClick={() => preview.mutate(input)}
          className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40"
        >
          Preview
        </button>
        <button
          type="button"
          disabled={!data || data.fileErrors.length > 0 || data.rows.length === 0 || commit.isPending}
          onClick={() => commit.mutate(input)}
          className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-40"
        >
          Import {data ? data.rows.length : 0} valid rows
        </button>
      </div>
      {data ? (
        <div className="text-sm">
          {data.fileErrors.map((e) => (
            <p key={e} role="alert" className="text-red-700">
              {e}
            </p>
          ))}
          <p>
            {data.rows.length} valid, {data.errors.length} with errors
          </p>
          {data.errors.length > 0 ? (
            <ul className="max-h-40 overflow-auto text-xs text-red-700">
              {data.errors.map((e) => (
                <li key={e.line}>
                  line {e.line}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {commit.data ? (
        <p className="text-sm text-emerald-700">Imported {commit.data.imported} entries.</p>
      ) : null}
      {(preview.error ?? commit.error) ? (
        <p role="alert" className="text-sm text-red-700">
          {(preview.error ?? commit.error)?.message}
        </p>
      ) : null}
    </div>
  );
}
