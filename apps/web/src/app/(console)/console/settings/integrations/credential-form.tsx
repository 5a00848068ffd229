'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';

/** Sets a key (write-only) and/or URL for the tenant or as the MSSP default. */
export function CredentialForm({
  tenantId,
  provider,
  selfHosted,
  onSaved,
}: {
  tenantId: string;
  provider: string;
  selfHosted: boolean;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.integrations.setCredential.mutationOptions({ onSuccess: () => onSaved() }));
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [scope, setScope] = useState<'tenant' | 'mssp'>('tenant');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        tenantId,
        provider,
        scope,
        ...(apiKey ? { apiKey } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      },
      { onSuccess: () => setApiKey('') },
    );
  };
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Credentials for ${provider}`}
    >
      <label className="text-xs text-slate-600">
        API key
        <input
          type="password"
          autoComplete="off"
          className={`${input} block w-48`}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </label>
      <label className="text-xs text-slate-600">
        {selfHosted ? 'Instance URL' : 'URL override'}
        <input
          type="url"
          required={selfHosted}
          className={`${input} block w-56`}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </label>
      <label className="text-xs text-slate-600">
        For
        <select
          className={`${input} block`}
          value={scope}
          onChange={(e) => setScope(e.target.value as 'tenant' | 'mssp')}
        >
          <option value="tenant">this tenant</option>
          <option value="mssp">MSSP default</option>
        </select>
      </label>
      <button
        type="submit"
        disabled={save.isPending || (!apiKey && !baseUrl)}
        className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-40"
      >
        Save
      </button>
      {save.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
