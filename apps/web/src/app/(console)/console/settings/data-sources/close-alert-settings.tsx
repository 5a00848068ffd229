'use client';

import { CLOSE_ALERT_TARGETS, type CloseAlertTarget } from '@palisade/db/schema';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CloseAlertSetting } from '@/server/routers/data-source/set-close-alert.schema';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Source = RouterOutputs['dataSource']['list'][number];

const TARGET_LABEL: Record<CloseAlertTarget, string> = {
  splunk_es: 'Splunk ES (notable update)',
  elastic: 'Elastic Security (alert status)',
  webhook: 'Webhook (POST)',
};

const URL_HINT: Record<CloseAlertTarget, string> = {
  splunk_es: 'https://splunk.client.example:8089',
  elastic: 'https://kibana.client.example:5601',
  webhook: 'https://soar.client.example/hooks/palisade',
};

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900';

export interface CloseAlertSettingsProps {
  source: Source;
  canManage: boolean;
  onSaved: () => void;
}

/**
 * "Close on resolve" of one data source: where resolving an incident closes its alerts and which
 * stored integration credential the call uses (the secret itself is managed under Integrations).
 */
export function CloseAlertSettings({ source, canManage, onSaved }: CloseAlertSettingsProps) {
  const trpc = useTRPC();
  const save = useMutation(trpc.dataSource.setCloseAlert.mutationOptions({ onSuccess: () => onSaved() }));
  const current = source.closeAlert;
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<CloseAlertTarget | ''>(current?.target ?? '');
  const [url, setUrl] = useState(current?.url ?? '');
  const [credential, setCredential] = useState(current?.credential ?? '');
  const [secret, setSecret] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const summary = current ? (
    <span className="text-xs">
      {TARGET_LABEL[current.target]}
      <br />
      <code className="break-all text-slate-500">{current.url}</code>
      {current.credential ? <span className="text-slate-500"> · credential {current.credential}</span> : null}
    </span>
  ) : (
    <span className="text-xs text-slate-500">not closed</span>
  );

  if (!editing) {
    return (
      <div className="flex flex-col items-start gap-1">
        {summary}
        {canManage ? (
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="text-xs text-sky-800 hover:underline"
          >
            Edit
          </button>
        ) : null}
      </div>
    );
  }

  const id = `close-${source.id}`;
  return (
    <form
      aria-label={`Close on resolve for ${source.name}`}
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        setInvalid(null);
        if (target === '') {
          save.mutate(
            { tenantId: source.tenantId, dataSourceId: source.id, closeAlert: null },
            { onSuccess: () => setEditing(false) },
          );
          return;
        }
        const parsed = CloseAlertSetting.safeParse({
          target,
          url: url.trim(),
          credential: credential.trim() || null,
        });
        if (!parsed.success) {
          setInvalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          return;
        }
        save.mutate(
          {
            tenantId: source.tenantId,
            dataSourceId: source.id,
            closeAlert: parsed.data,
            ...(secret ? { secret } : {}),
          },
          {
            onSuccess: () => {
              setSecret('');
              setEditing(false);
            },
          },
        );
      }}
    >
      <label htmlFor={`${id}-target`} className="sr-only">
        Close alerts in
      </label>
      <select
        id={`${id}-target`}
        value={target}
        onChange={(e) => setTarget(e.target.value as CloseAlertTarget | '')}
        className={control}
      >
        <option value="">do not close</option>
        {CLOSE_ALERT_TARGETS.map((t) => (
          <option key={t} value={t}>
            {TARGET_LABEL[t]}
          </option>
        ))}
      </select>
      {target !== '' ? (
        <>
          <label htmlFor={`${id}-url`} className="sr-only">
            URL
          </label>
          <input
            id={`${id}-url`}
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder={URL_HINT[target]}
            className={control}
          />
          <label htmlFor={`${id}-credential`} className="sr-only">
            Credential name
          </label>
          <input
            id={`${id}-credential`}
            value={credential}
            onChange={(e) => setCredential(e.target.value)}
            placeholder={
              target === 'webhook'
                ? 'signing secret credential (optional)'
                : 'credential name, e.g. splunk-close'
            }
            className={control}
          />
          <label htmlFor={`${id}-secret`} className="sr-only">
            Secret
          </label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            disabled={credential.trim() === ''}
            placeholder={
              target === 'webhook' ? 'signing secret (empty: keep)' : 'token / API key (empty: keep)'
            }
            className={control}
          />
        </>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded bg-slate-900 px-2 py-0.5 text-xs text-white disabled:opacity-40"
        >
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          onClick={() => setEditing(false)}
          className="text-xs text-slate-600 hover:underline"
        >
          Cancel
        </button>
      </div>
      {invalid || save.error ? (
        <p role="alert" className="text-xs text-red-700">
          {invalid ?? save.error?.message}
        </p>
      ) : null}
    </form>
  );
}
