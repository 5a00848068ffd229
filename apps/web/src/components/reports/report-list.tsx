'use client';

import { formatTime } from '@/components/format-time';
import type { RouterOutputs } from '@/trpc/types';
import { reportDownloadPath } from './report-download-path';

type Report = RouterOutputs['reports']['list'][number];

/** Reports with live status: a progress bar while the worker renders, a download once ready. */
export function ReportList({
  reports,
  showTitle = true,
}: {
  reports: readonly Report[];
  showTitle?: boolean;
}) {
  if (reports.length === 0) return <p className="text-sm text-slate-500">No reports yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {reports.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-3 py-2">
          <span className="font-medium tabular-nums">v{r.version}</span>
          {showTitle ? (
            <span className="min-w-0 flex-1 truncate">{r.title}</span>
          ) : (
            <span className="flex-1" />
          )}
          <span className="text-xs text-slate-500">{formatTime(r.createdAt)}</span>
          <ReportStatus report={r} />
        </li>
      ))}
    </ul>
  );
}

function ReportStatus({ report: r }: { report: Report }) {
  if (r.status === 'ready') {
    return (
      <a href={reportDownloadPath(r.tenantId, r.id)} className="text-sky-800 hover:underline" download>
        Download PDF{r.pageCount ? ` (${r.pageCount} pages)` : ''}
      </a>
    );
  }
  if (r.status === 'failed') {
    return (
      <span role="alert" className="text-xs text-red-700">
        Failed: {r.error}
      </span>
    );
  }
  return (
    <span className="flex items-center gap-2 text-xs text-slate-600">
      <progress
        max={100}
        value={r.progress}
        aria-label={`Report v${r.version} progress`}
        className="h-2 w-24"
      />
      {r.status === 'queued' ? 'Queued' : r.stage}
    </span>
  );
}

/** Poll while any report is still being made. */
export const pollWhileRendering = (reports: readonly Report[] | undefined) =>
  reports?.some((r) => r.status === 'queued' || r.status === 'rendering') ? 1000 : false;
