'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { control, fieldLabel, primaryButton } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';

export type Company = { name: string; slug: string; aliases: string[]; timezone: string };

const ZONES = Intl.supportedValuesOf('timeZone');

export interface CompanyFormProps {
  /** Editing an existing tenant; omitted: creating one. */
  tenantId?: string;
  initial?: Company;
  onSaved: (saved: { id: string; slug: string }) => void;
  submitLabel: string;
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

/** Company name, slug, aliases (one per line) and timezone: the wizard's first step and the settings form. */
export function CompanyForm({ tenantId, initial, onSaved, submitLabel }: CompanyFormProps) {
  const trpc = useTRPC();
  const create = useMutation(trpc.tenant.create.mutationOptions());
  const update = useMutation(trpc.tenant.update.mutationOptions());
  const [name, setName] = useState(initial?.name ?? '');
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(Boolean(initial));
  const [aliases, setAliases] = useState((initial?.aliases ?? []).join('\n'));
  const [timezone, setTimezone] = useState(initial?.timezone ?? 'UTC');
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  return (
    <form
      aria-label="Company"
      className="grid max-w-xl gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const company = {
          name,
          slug,
          timezone,
          aliases: aliases
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
        };
        if (tenantId) update.mutate({ tenantId, ...company }, { onSuccess: (t) => onSaved(t) });
        else create.mutate(company, { onSuccess: (t) => onSaved(t) });
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="company-name" className={fieldLabel}>
          Company name
        </label>
        <input
          id="company-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(slugify(e.target.value));
          }}
          className={control}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="company-slug" className={fieldLabel}>
          Slug (lowercase letters, digits, dashes)
        </label>
        <input
          id="company-slug"
          required
          pattern="[a-z0-9][a-z0-9\-]{0,62}"
          value={slug}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value);
          }}
          className={control}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="company-aliases" className={fieldLabel}>
          Aliases (one per line: other names alerts may use)
        </label>
        <textarea
          id="company-aliases"
          rows={3}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
          className={control}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="company-timezone" className={fieldLabel}>
          Timezone (SLA business hours and reports use it)
        </label>
        <select
          id="company-timezone"
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          className={control}
        >
          {['UTC', ...ZONES.filter((z) => z !== 'UTC')].map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
