'use client';

import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { readLogoFile } from './read-logo-file';

/** The MSSP's own name and logo, shown on every tenant's report covers (MSSP admins). */
export function MsspBrandingForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.branding.updateMssp.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.branding.get.queryKey() }),
    }),
  );
  const [msspName, setMsspName] = useState('');
  const [logo, setLogo] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ msspName, ...(logo ? { logo } : {}) });
  };
  return (
    <SectionCard title="MSSP branding (all tenants)">
      <form onSubmit={submit} aria-label="MSSP branding" className="grid max-w-xl gap-3 text-sm">
        <label className="grid gap-1">
          <span className="font-medium">MSSP name</span>
          <input
            required
            maxLength={200}
            value={msspName}
            onChange={(e) => setMsspName(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">
            MSSP logo (PNG, JPEG or SVG; leave empty to keep the current one)
          </span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            onChange={async (e) => {
              setFileError(null);
              const file = e.target.files?.[0];
              if (!file) return setLogo(undefined);
              try {
                setLogo(await readLogoFile(file));
              } catch (err) {
                setFileError(err instanceof Error ? err.message : String(err));
              }
            }}
          />
        </label>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
          >
            {save.isPending ? 'Saving…' : 'Save MSSP branding'}
          </button>
          {save.isSuccess ? <span className="text-xs text-green-700">Saved.</span> : null}
        </div>
        {(fileError ?? save.error?.message) ? (
          <p role="alert" className="text-xs text-red-700">
            {fileError ?? save.error?.message}
          </p>
        ) : null}
      </form>
    </SectionCard>
  );
}
