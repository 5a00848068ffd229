'use client';

import { listKind } from '@palisade/db/schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { control, fieldLabel } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';
import { CsvImport } from '../../../settings/lists/csv-import';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

const LISTS = listKind.enumValues;

/** Global lists from CSV: preview with per-row errors, then import (the lists page's own importer). */
export function StepLists({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [list, setList] = useState<(typeof LISTS)[number]>('block');
  const entries = useQuery(trpc.lists.list.queryOptions({ tenantId }));
  const count = Array.isArray(entries.data) ? entries.data.length : null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {count === null ? 'Loading…' : `${count} entries so far.`} Entries without a list column go to the
        list chosen here.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor="lists-default" className={fieldLabel}>
          List
        </label>
        <select
          id="lists-default"
          value={list}
          onChange={(e) => setList(e.target.value as (typeof LISTS)[number])}
          className={`${control} w-48`}
        >
          {LISTS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <CsvImport
        tenantId={tenantId}
        list={list}
        onImported={() => queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey({ tenantId }) })}
      />
      <StepFooter disabled={saving} onContinue={() => onDone()} onSkip={() => onDone({ skipped: true })} />
    </div>
  );
}
