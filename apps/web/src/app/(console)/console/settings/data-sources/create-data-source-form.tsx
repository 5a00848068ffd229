'use client';

import { BuiltinMapperName } from '@palisade/db/queries/data-sources/data-source-mapper';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreateDataSourceInput } from '@/server/routers/data-source/create.schema';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';
const label = 'text-xs font-medium text-slate-600';

export interface CreateDataSourceFormProps {
  onCreated: (created: RouterOutputs['dataSource']['create']) => void;
}

export function CreateDataSourceForm({ onCreated }: CreateDataSourceFormProps) {
  const trpc = useTRPC();
  const tenants = useQuery(trpc.tenant.list.queryOptions());
  const create = useMutation(trpc.dataSource.create.mutationOptions());
  const [tenantId, setTenantId] = useState('');
  const [name, setName] = useState('');
  const [mapper, setMapper] = useState('auto');
  const [dedupField, setDedupField] = useState('');

  return (
    <form
      aria-label="New data source"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            tenantId,
            name,
            mapper: mapper as CreateDataSourceInput['mapper'],
            ...(dedupField.trim() ? { dedupField: dedupField.trim() } : {}),
          },
          {
            onSuccess: (created) => {
              setName('');
              setDedupField('');
              onCreated(created);
            },
          },
        );
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="ds-tenant" className={label}>
          Tenant
        </label>
        <select
          id="ds-tenant"
          required
          value={tenantId}
          onChange={(e) => setTenantId(e.target.value)}
          className={control}
        >
          <option value="" disabled>
            Choose…
          </option>
          {(tenants.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="ds-name" className={label}>
          Name
        </label>
        <input
          id="ds-name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Splunk production"
          className={control}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="ds-mapper" className={label}>
          Mapper
        </label>
        <select id="ds-mapper" value={mapper} onChange={(e) => setMapper(e.target.value)} className={control}>
          <option value="auto">detect automatically</option>
          {BuiltinMapperName.options.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="ds-dedup" className={label}>
          Alert id field (optional)
        </label>
        <input
          id="ds-dedup"
          value={dedupField}
          onChange={(e) => setDedupField(e.target.value)}
          placeholder="event.id"
          className={control}
        />
      </div>
      <button
        type="submit"
        disabled={create.isPending || !tenantId}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
      >
        Create data source
      </button>
      {create.error ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
