'use client';

import { useId } from 'react';
import type { RouterOutputs } from '@/trpc/types';

export type FormField = Extract<
  RouterOutputs['integrations']['list'][number],
  { category: 'daemon' }
>['fields'][number];

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** One field described by the server (label, write-only, choices): a password box, a select or a text box. */
export function FormFieldInput({
  field,
  value,
  onChange,
}: {
  field: FormField;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="text-xs text-slate-600">
      <label htmlFor={id}>{field.label}</label>
      {field.options ? (
        <select id={id} className={`${input} block`} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">(default)</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.secret ? 'password' : 'text'}
          autoComplete="off"
          className={`${input} block w-48`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/** The filled-in values only: an empty box means "not given" (the server's default or keep). */
export function filledValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
}
