'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { type FormField, FormFieldInput, filledValues } from './form-field-input';

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Sets a daemon credential's fields (write-only: the boxes are emptied after saving) and/or its
 * base URL, for the tenant or as the MSSP default. On the kind's own card an optional name saves a
 * second credential of the kind as `<kind>-<name>`.
 */
export function DaemonCredentialForm({
  tenantId,
  credentialId,
  kind,
  fields,
  baseUrlLabel,
  onSaved,
}: {
  tenantId: string;
  credentialId: string;
  kind: string;
  fields: FormField[];
  /** Null: the kind has no base URL (the daemon YAML holds the address). */
  baseUrlLabel: string | null;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.integrations.setCredential.mutationOptions({ onSuccess: () => onSaved() }));
  const [values, setValues] = useState<Record<string, string>>({});
  const [baseUrl, setBaseUrl] = useState('');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'tenant' | 'mssp'>('tenant');
  const filled = filledValues(values);
  const hasFields = Object.keys(filled).length > 0;
  const badName = name !== '' && !NAME.test(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        tenantId,
        provider: name ? `${kind}-${name}` : credentialId,
        scope,
        ...(hasFields ? { fields: filled } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      },
      { onSuccess: () => setValues({}) },
    );
  };
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Credentials for ${credentialId}`}
    >
      {fields.map((f) => (
        <FormFieldInput
          key={f.key}
          field={f}
          value={values[f.key] ?? ''}
          onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
        />
      ))}
      {baseUrlLabel ? (
        <label className="text-xs text-slate-600">
          {baseUrlLabel}
          <input
            type="url"
            className={`${input} block w-56`}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </label>
      ) : null}
      {credentialId === kind ? (
        <label className="text-xs text-slate-600">
          Save as {kind}-…
          <input
            className={`${input} block w-32`}
            placeholder="(this one)"
            value={name}
            onChange={(e) => setName(e.target.value.toLowerCase())}
          />
        </label>
      ) : null}
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
        disabled={save.isPending || badName || (!hasFields && !baseUrl)}
        className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-40"
      >
        Save
      </button>
      {badName ? (
        <p role="alert" className="w-full text-sm text-red-700">
          Names are lowercase letters, digits and dashes.
        </p>
      ) : null}
      {save.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
