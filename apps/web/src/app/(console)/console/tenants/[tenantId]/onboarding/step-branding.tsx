'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { control, fieldLabel } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

const readBase64 = (file: File): Promise<string> =>
  file.arrayBuffer().then((buf) => {
    let binary = '';
    for (const byte of new Uint8Array(buf)) binary += String.fromCharCode(byte);
    return btoa(binary);
  });

/** Portal and report branding (REPORTS' `branding.update`) with a live preview of the header. */
export function StepBranding({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const current = useQuery(trpc.branding.get.queryOptions({ tenantId }));
  const save = useMutation(trpc.branding.update.mutationOptions());
  const [form, setForm] = useState({
    companyName: '',
    primaryColor: '#1d4ed8',
    accentColor: '#0ea5e9',
    legalFooter: '',
  });
  const [logo, setLogo] = useState<{ base64: string; url: string } | null>(null);
  // Filled from the saved branding once; a later refetch must not overwrite what the admin typed.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!current.data || loaded) return;
    setLoaded(true);
    setForm({
      companyName: current.data.companyName,
      primaryColor: current.data.primaryColor,
      accentColor: current.data.accentColor,
      legalFooter: current.data.legalFooter,
    });
  }, [current.data, loaded]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="grid gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="brand-name" className={fieldLabel}>
            Name shown in the portal and reports
          </label>
          <input id="brand-name" value={form.companyName} onChange={set('companyName')} className={control} />
        </div>
        <div className="flex gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="brand-primary" className={fieldLabel}>
              Primary colour
            </label>
            <input id="brand-primary" type="color" value={form.primaryColor} onChange={set('primaryColor')} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="brand-accent" className={fieldLabel}>
              Accent colour
            </label>
            <input id="brand-accent" type="color" value={form.accentColor} onChange={set('accentColor')} />
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="brand-logo" className={fieldLabel}>
            Logo (PNG, JPEG or SVG)
          </label>
          <input
            id="brand-logo"
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setLogo(file ? { base64: await readBase64(file), url: URL.createObjectURL(file) } : null);
            }}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="brand-footer" className={fieldLabel}>
            Legal footer (reports)
          </label>
          <textarea
            id="brand-footer"
            rows={2}
            value={form.legalFooter}
            onChange={set('legalFooter')}
            className={control}
          />
        </div>
      </div>
      <figure aria-label="Preview" className="overflow-hidden rounded-lg border border-slate-200">
        <div
          className="flex items-center gap-2 px-4 py-3 text-white"
          style={{ backgroundColor: form.primaryColor }}
        >
          {/* biome-ignore lint/performance/noImgElement: a local preview of the chosen file */}
          {logo ? <img src={logo.url} alt="" className="h-7 w-7 rounded bg-white p-0.5" /> : null}
          <span className="font-semibold">{form.companyName || 'Company'}</span>
        </div>
        <div className="h-1" style={{ backgroundColor: form.accentColor }} />
        <div className="p-4 text-sm text-slate-600">Your incidents, reports and SLA figures.</div>
        <figcaption className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
          {form.legalFooter || 'Legal footer'}
        </figcaption>
      </figure>
      {save.error ? (
        <p role="alert" className="text-sm text-red-700 md:col-span-2">
          {save.error.message}
        </p>
      ) : null}
      <div className="md:col-span-2">
        <StepFooter
          disabled={saving || save.isPending || !form.companyName}
          onContinue={() =>
            save.mutate(
              { tenantId, ...form, ...(logo ? { logo: logo.base64 } : {}) },
              { onSuccess: () => onDone() },
            )
          }
          onSkip={() => onDone({ skipped: true })}
        />
      </div>
    </div>
  );
}
