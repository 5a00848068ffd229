'use client';

import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

const FREQUENCIES = [
  { frequency: 'weekly', label: 'Weekly (Monday to Sunday, sent on Monday)' },
  { frequency: 'monthly', label: 'Monthly (the previous calendar month, sent on the 1st)' },
] as const;

/** Turns the tenant's weekly and monthly reports on or off, and whether they are emailed. */
export function ReportSchedules({ tenantId, canEdit }: { tenantId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedules = useQuery(trpc.reports.schedules.queryOptions({ tenantId }));
  const set = useMutation(
    trpc.reports.setSchedule.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.reports.schedules.queryKey({ tenantId }), data),
    }),
  );
  return (
    <SectionCard title="Schedules">
      <ul className="space-y-2 text-sm">
        {FREQUENCIES.map(({ frequency, label }) => {
          const current = schedules.data?.find((s) => s.frequency === frequency);
          const change = (enabled: boolean, emailRecipients: boolean) =>
            set.mutate({ tenantId, frequency, enabled, emailRecipients });
          return (
            <li key={frequency} className="flex flex-wrap items-center gap-4">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  disabled={!canEdit || set.isPending}
                  checked={Boolean(current)}
                  onChange={(e) => change(e.target.checked, current?.emailRecipients ?? true)}
                />
                {label}
              </label>
              {current ? (
                <label className="flex items-center gap-1 text-xs text-slate-600">
                  <input
                    type="checkbox"
                    disabled={!canEdit || set.isPending}
                    checked={current.emailRecipients}
                    onChange={(e) => change(true, e.target.checked)}
                  />
                  email the report recipients
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!canEdit ? (
        <p className="mt-2 text-xs text-slate-500">Only MSSP admins can change schedules.</p>
      ) : null}
      {(set.error ?? schedules.error) ? (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {(set.error ?? schedules.error)?.message}
        </p>
      ) : null}
    </SectionCard>
  );
}
