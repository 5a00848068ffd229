import type { ReactNode } from 'react';

export interface KpiTileProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
}

export function KpiTile({ label, value, hint }: KpiTileProps) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}
