export interface JsonViewerProps {
  value: unknown;
  summary: string;
  open?: boolean;
}

/** Pretty-printed JSON in a collapsible block; rendered as text, so no markup in the data can run. */
export function JsonViewer({ value, summary, open = false }: JsonViewerProps) {
  return (
    <details open={open} className="rounded-md border border-slate-200 bg-slate-50">
      <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-700">{summary}</summary>
      <pre className="max-h-96 overflow-auto border-t border-slate-200 px-3 py-2 font-mono text-xs text-slate-800">
        {JSON.stringify(value, null, 2) ?? 'undefined'}
      </pre>
    </details>
  );
}
