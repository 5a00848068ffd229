'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { KpiQueryInput } from '@/server/routers/kpis/query.schema';
import { useTRPC } from '@/trpc/react';

/** Fetches kpis.exportCsv for the current filters and saves it as a file in the browser. */
export function CsvExportButton({ input, label }: { input: KpiQueryInput; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const download = async () => {
    setState({ busy: true });
    try {
      const { csv, fileName } = await queryClient.fetchQuery({
        ...trpc.kpis.exportCsv.queryOptions(input),
        staleTime: 0,
      });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
      setState({ busy: false });
    } catch (err) {
      setState({ busy: false, error: err instanceof Error ? err.message : 'export failed' });
    }
  };

  return (
    <span className="flex items-center gap-2">
      {state.error ? (
        <span role="alert" className="text-xs text-red-700">
          CSV export failed: {state.error}
        </span>
      ) : null}
      <button
        type="button"
        onClick={download}
        disabled={state.busy}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {state.busy ? 'Preparing CSV…' : label}
      </button>
    </span>
  );
}
