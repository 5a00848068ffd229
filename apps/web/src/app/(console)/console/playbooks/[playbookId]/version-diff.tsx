'use client';

import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DiffLine } from '@/server/routers/playbook/line-diff';
import { useTRPC } from '@/trpc/react';

const LINE_STYLE = {
  same: 'text-slate-600',
  add: 'bg-green-50 text-green-800',
  del: 'bg-red-50 text-red-800',
} as const;
const MARK = { same: ' ', add: '+', del: '-' } as const;

/** A unified line diff: removed lines red with `-`, added green with `+`. */
export function DiffLines({ lines, label }: { lines: readonly DiffLine[]; label?: string }) {
  return (
    <section aria-label={label}>
      <pre className="overflow-x-auto rounded-md border border-slate-200 text-xs">
        {lines.map((l, i) => (
          <div key={String(i)} className={LINE_STYLE[l.op]}>
            {MARK[l.op]} {l.text}
          </div>
        ))}
      </pre>
    </section>
  );
}

/** Side-by-side choice of two versions and their unified line diff. */
export function VersionDiff({
  tenantId,
  playbookId,
  latest,
}: {
  tenantId: string;
  playbookId: string;
  latest: number;
}) {
  const trpc = useTRPC();
  const [from, setFrom] = useState(latest - 1);
  const [to, setTo] = useState(latest);
  const diff = useQuery(trpc.playbook.diff.queryOptions({ tenantId, playbookId, from, to }));
  const versions = Array.from({ length: latest }, (_, i) => i + 1);
  const pick = (value: number, set: (n: number) => void, label: string) => (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      className="rounded-md border border-slate-300 px-2 py-1 text-sm"
    >
      {versions.map((v) => (
        <option key={v} value={v}>
          v{v}
        </option>
      ))}
    </select>
  );
  return (
    <div className="mt-6">
      <SectionCard
        title="Compare versions"
        actions={
          <div className="flex items-center gap-2 text-sm">
            {pick(from, setFrom, 'From version')} → {pick(to, setTo, 'To version')}
          </div>
        }
      >
        <DiffLines lines={diff.data?.lines ?? []} />
      </SectionCard>
    </div>
  );
}
