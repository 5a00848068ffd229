'use client';

import { GroupingRule } from '@palisade/db/queries/ingest/group-key';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';

const FIELDS = [
  { id: 'rule', label: 'Rule', hint: 'rule id, else rule name, else title' },
  { id: 'host', label: 'Host', hint: 'first host of the alert' },
  { id: 'user', label: 'User', hint: 'first user of the alert' },
  { id: 'source', label: 'Data source', hint: 'the sender' },
  { id: 'title', label: 'Title', hint: 'the exact alert title' },
] as const;

type Rule = GroupingRule;

/**
 * Edits one grouping rule (the tenant's, or a data source's override) with validation as you type
 * and a live preview of how the tenant's recent alerts would group under it, before saving.
 */
export function GroupingRuleForm({
  tenantId,
  dataSourceId,
  initial,
  fallback,
  canEdit,
}: {
  tenantId: string;
  dataSourceId?: string;
  /** Null: the data source has no override yet (the form starts from `fallback`). */
  initial: Rule | null;
  fallback?: Rule;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = initial ?? fallback ?? { fields: ['rule', 'host'], windowMinutes: 60 };
  const [fields, setFields] = useState<Rule['fields']>(start.fields);
  const [windowText, setWindowText] = useState(String(start.windowMinutes));
  const candidate = { fields, windowMinutes: Number(windowText) };
  const parsed = GroupingRule.safeParse(candidate);
  const problem = parsed.success
    ? null
    : Number.isInteger(candidate.windowMinutes)
      ? 'window must be between 1 and 10080 minutes (7 days)'
      : 'window must be a whole number of minutes';
  const preview = useQuery({
    ...trpc.grouping.preview.queryOptions({
      tenantId,
      rule: parsed.success ? parsed.data : start,
      ...(dataSourceId ? { dataSourceId } : {}),
    }),
    enabled: parsed.success,
  });
  const done = () => queryClient.invalidateQueries({ queryKey: trpc.grouping.get.queryKey() });
  const save = useMutation(trpc.grouping.save.mutationOptions({ onSuccess: done }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.success)
      save.mutate({ tenantId, ...(dataSourceId ? { dataSourceId } : {}), rule: parsed.data });
  };
  const toggle = (id: Rule['fields'][number]) =>
    setFields((current) => (current.includes(id) ? current.filter((f) => f !== id) : [...current, id]));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        onSubmit={submit}
        aria-label={dataSourceId ? 'Data source grouping rule' : 'Tenant grouping rule'}
      >
        <fieldset disabled={!canEdit} className="space-y-3">
          <legend className="text-sm text-slate-700">Alerts join one open incident when these match:</legend>
          <div className="flex flex-wrap gap-3">
            {FIELDS.map((f) => (
              <label key={f.id} className="flex items-center gap-1 text-sm" title={f.hint}>
                <input type="checkbox" checked={fields.includes(f.id)} onChange={() => toggle(f.id)} />
                {f.label}
              </label>
            ))}
          </div>
          {fields.length === 0 ? (
            <p className="text-xs text-amber-700">No field: every alert opens its own incident.</p>
          ) : null}
          <label className="block text-sm">
            Within (minutes of the incident's last alert)
            <input
              inputMode="numeric"
              value={windowText}
              onChange={(e) => setWindowText(e.target.value)}
              aria-invalid={problem !== null}
              className="ml-2 w-24 rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          {problem ? (
            <p role="alert" className="text-sm text-red-700">
              {problem}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={!parsed.success || save.isPending}
              className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-40"
            >
              Save rule
            </button>
            {dataSourceId && initial ? (
              <button
                type="button"
                onClick={() => save.mutate({ tenantId, dataSourceId, rule: null })}
                className="text-sm text-sky-800 hover:underline"
              >
                Use the tenant-wide rule
              </button>
            ) : null}
            {save.isSuccess ? (
              <span className="text-sm text-green-700">Saved: applies to new alerts.</span>
            ) : null}
            {save.error ? (
              <span role="alert" className="text-sm text-red-700">
                {save.error.message}
              </span>
            ) : null}
          </div>
          {!canEdit ? (
            <p className="text-xs text-slate-500">Only MSSP admins change grouping rules.</p>
          ) : null}
        </fieldset>
      </form>
      <section aria-label="Grouping preview">
        <h3 className="text-sm font-medium text-slate-800">Preview on recent alerts</h3>
        {!parsed.success ? (
          <p className="text-sm text-slate-500">Fix the rule to see a preview.</p>
        ) : preview.isPending ? (
          <p className="text-sm text-slate-500">Replaying recent alerts…</p>
        ) : preview.error ? (
          <p role="alert" className="text-sm text-red-700">
            {preview.error.message}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {preview.data.alerts} recent alerts → {preview.data.incidents} incidents ({preview.data.grouped}{' '}
              with several alerts).
            </p>
            <ul className="mt-2 max-h-96 space-y-2 overflow-y-auto text-xs">
              {preview.data.groups
                .filter((g) => g.alerts.length > 1)
                .map((g) => (
                  <li key={g.alerts[0]?.id} className="rounded border border-slate-200 p-2">
                    <div className="font-medium">
                      {g.alerts.length} alerts · <code>{g.key}</code>
                    </div>
                    <ul className="mt-1 text-slate-600">
                      {g.alerts.slice(0, 5).map((a) => (
                        <li key={a.id}>
                          {formatTime(a.receivedAt)} · {a.title}
                          {a.host ? ` · ${a.host}` : ''}
                        </li>
                      ))}
                      {g.alerts.length > 5 ? <li>… and {g.alerts.length - 5} more</li> : null}
                    </ul>
                  </li>
                ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
