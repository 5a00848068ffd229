'use client';

import { BuiltinMapperName } from '@palisade/db/queries/data-sources/data-source-mapper';
import { JsonViewer } from '@palisade/ui/json-viewer';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { control, fieldLabel, primaryButton } from '@/components/form-styles';
import type { CreateDataSourceInput } from '@/server/routers/data-source/create.schema';
import { useTRPC } from '@/trpc/react';
import { RevealedKey } from '../../../settings/data-sources/revealed-key';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

type Mapper = CreateDataSourceInput['mapper'];
const MAPPERS = ['auto', ...BuiltinMapperName.options] as const;

/**
 * A data source with its ingest key (shown once), its mapper, and a dry run: a pasted sample alert
 * normalized exactly as the worker will (`onboarding.testSample`), nothing stored.
 */
export function StepDataSources({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const create = useMutation(trpc.dataSource.create.mutationOptions());
  const test = useMutation(trpc.onboarding.testSample.mutationOptions());
  const [name, setName] = useState('SIEM');
  const [mapper, setMapper] = useState<Mapper>('auto');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [sample, setSample] = useState('');

  return (
    <div className="space-y-5">
      <form
        aria-label="New data source"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { tenantId, name, mapper },
            { onSuccess: (r) => setCreated({ name: r.dataSource.name, key: r.apiKey.key }) },
          );
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="source-name" className={fieldLabel}>
            Data source name
          </label>
          <input
            id="source-name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={control}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="source-mapper" className={fieldLabel}>
            Mapper
          </label>
          <select
            id="source-mapper"
            value={mapper}
            onChange={(e) => setMapper(e.target.value as Mapper)}
            className={control}
          >
            {MAPPERS.map((m) => (
              <option key={m} value={m}>
                {m === 'auto' ? 'auto-detect' : m}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={create.isPending} className={primaryButton}>
          Create and generate key
        </button>
      </form>
      {create.error ? (
        <p role="alert" className="text-sm text-red-700">
          {create.error.message}
        </p>
      ) : null}
      {created ? <RevealedKey sourceName={created.name} apiKey={created.key} /> : null}
      <div className="space-y-2">
        <label htmlFor="sample-alert" className={fieldLabel}>
          Test the mapper with a sample alert (JSON, CEF, LEEF or syslog)
        </label>
        <textarea
          id="sample-alert"
          rows={6}
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          className={`${control} w-full font-mono text-xs`}
        />
        <button
          type="button"
          className={primaryButton}
          disabled={!sample.trim() || test.isPending}
          onClick={() => test.mutate({ tenantId, sample, mapper })}
        >
          Normalize sample
        </button>
        {test.data ? (
          test.data.ok ? (
            <section aria-label="Normalized alert" className="space-y-2 text-sm">
              <p>
                Mapper <code>{test.data.mapper}</code>: <strong>{test.data.alert.title}</strong> (
                {test.data.alert.severity.level}), {test.data.iocs.length} IOCs:{' '}
                {test.data.iocs.map((i) => `${i.type} ${i.value}`).join(', ') || 'none'}
              </p>
              <JsonViewer value={test.data.alert} summary="Normalized fields" open />
            </section>
          ) : (
            <p role="alert" className="text-sm text-red-700">
              Not usable: {test.data.error}
            </p>
          )
        ) : null}
      </div>
      <StepFooter disabled={saving} onContinue={() => onDone()} />
    </div>
  );
}
