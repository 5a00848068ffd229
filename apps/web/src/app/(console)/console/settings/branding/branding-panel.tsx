'use client';

import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { BrandingPreview } from './branding-preview';
import { MsspBrandingForm } from './mssp-branding-form';
import { readLogoFile } from './read-logo-file';

export function BrandingPanel({ canEdit }: { canEdit: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  return (
    <div className="space-y-6">
      {!canEdit ? <p className="text-sm text-slate-600">Only MSSP admins can change branding.</p> : null}
      {tenantId ? (
        <TenantBranding key={tenantId} tenantId={tenantId} canEdit={canEdit} />
      ) : (
        <EmptyState title="Choose a tenant">
          Branding is per tenant: pick one in the tenant filter above.
        </EmptyState>
      )}
      {canEdit ? <MsspBrandingForm /> : null}
    </div>
  );
}

type Logo = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; base64: string; previewUrl: string };

function TenantBranding({ tenantId, canEdit }: { tenantId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.branding.get.queryOptions({ tenantId }));
  const save = useMutation(
    trpc.branding.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.branding.get.queryKey({ tenantId }) }),
    }),
  );
  const [form, setForm] = useState({
    companyName: '',
    primaryColor: '#1d4ed8',
    accentColor: '#0ea5e9',
    legalFooter: '',
  });
  const [logo, setLogo] = useState<Logo>({ kind: 'keep' });
  const [fileError, setFileError] = useState<string | null>(null);
  const data = current.data;
  useEffect(() => {
    if (data) {
      setForm({
        companyName: data.companyName,
        primaryColor: data.primaryColor,
        accentColor: data.accentColor,
        legalFooter: data.legalFooter,
      });
    }
  }, [data]);
  useEffect(() => () => (logo.kind === 'new' ? URL.revokeObjectURL(logo.previewUrl) : undefined), [logo]);

  if (current.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {current.error.message}
      </p>
    );
  }
  if (!data) return <p className="text-sm text-slate-500">Loading…</p>;

  const savedLogoUrl = data.logo ? `/api/branding/v1/tenants/${tenantId}/logo?v=${data.logo.version}` : null;
  const logoUrl = logo.kind === 'new' ? logo.previewUrl : logo.kind === 'remove' ? null : savedLogoUrl;
  const pick = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    try {
      setLogo({ kind: 'new', base64: await readLogoFile(file), previewUrl: URL.createObjectURL(file) });
    } catch (err) {
      setFileError(err instanceof Error ? err.message : String(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        tenantId,
        ...form,
        ...(logo.kind === 'new' ? { logo: logo.base64 } : logo.kind === 'remove' ? { logo: null } : {}),
      },
      { onSuccess: () => setLogo({ kind: 'keep' }) },
    );
  };
  const field = (key: keyof typeof form) => ({
    value: form[key],
    disabled: !canEdit,
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <div className="space-y-6">
      <SectionCard title="Live preview">
        <BrandingPreview branding={{ ...form, msspName: data.mssp.name, logoUrl }} />
      </SectionCard>
      <SectionCard title="Tenant branding">
        <form onSubmit={submit} aria-label="Tenant branding" className="grid max-w-xl gap-3 text-sm">
          <label className="grid gap-1">
            <span className="font-medium">Company name (portal, emails, report cover)</span>
            <input
              required
              maxLength={120}
              className="rounded border border-slate-300 px-2 py-1"
              {...field('companyName')}
            />
          </label>
          <div className="flex gap-4">
            {(['primaryColor', 'accentColor'] as const).map((key) => (
              <label key={key} className="grid gap-1">
                <span className="font-medium">
                  {key === 'primaryColor' ? 'Primary colour' : 'Accent colour'}
                </span>
                <span className="flex items-center gap-2">
                  <input
                    type="color"
                    aria-label={`${key === 'primaryColor' ? 'Primary' : 'Accent'} colour picker`}
                    {...field(key)}
                  />
                  <input
                    pattern="#[0-9a-fA-F]{6}"
                    title="#rrggbb"
                    className="w-24 rounded border border-slate-300 px-2 py-1 font-mono"
                    {...field(key)}
                  />
                </span>
              </label>
            ))}
          </div>
          <label className="grid gap-1">
            <span className="font-medium">Logo (PNG, JPEG or SVG, at most 512 KiB)</span>
            <input
              type="file"
              accept="image/png,image/jpeg,image/svg+xml"
              disabled={!canEdit}
              onChange={(e) => pick(e.target.files?.[0])}
            />
          </label>
          {data.logo && logo.kind !== 'new' ? (
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={logo.kind === 'remove'}
                onChange={(e) => setLogo({ kind: e.target.checked ? 'remove' : 'keep' })}
              />
              Remove the current logo ({data.logo.mime}, {Math.ceil(data.logo.bytes / 1024)} KiB)
            </label>
          ) : null}
          <label className="grid gap-1">
            <span className="font-medium">Legal footer (every report page and client email)</span>
            <textarea
              rows={3}
              maxLength={1000}
              className="rounded border border-slate-300 px-2 py-1"
              {...field('legalFooter')}
            />
          </label>
          {canEdit ? (
            <div className="flex items-center gap-3">
              <button
                type="submit"
                disabled={save.isPending}
                className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
              >
                {save.isPending ? 'Saving…' : 'Save branding'}
              </button>
              {save.isSuccess ? <span className="text-xs text-green-700">Saved.</span> : null}
            </div>
          ) : null}
          {(fileError ?? save.error?.message) ? (
            <p role="alert" className="text-xs text-red-700">
              {fileError ?? save.error?.message}
            </p>
          ) : null}
        </form>
      </SectionCard>
    </div>
  );
}
