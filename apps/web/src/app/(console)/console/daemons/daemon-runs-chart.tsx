'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type RunPoint = { label: string; created: number; duplicates: number; failed: number };

/** Items per run (new, duplicate, failed), oldest left. */
export function DaemonRunsChart({ data }: { data: RunPoint[] }) {
  return (
    <figure aria-label="Items per run: new, duplicate and failed" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 10 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="created" name="new" stackId="a" fill="#0ea5e9" />
          <Bar dataKey="duplicates" name="duplicate" stackId="a" fill="#94a3b8" />
          <Bar dataKey="failed" name="failed" stackId="a" fill="#dc2626" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
