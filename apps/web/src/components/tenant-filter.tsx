'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export interface TenantFilterProps {
  tenants: readonly { id: string; name: string }[];
}

/** Narrows console pages to one tenant via ?tenant=; lists only tenants in the user's scope. */
export function TenantFilter({ tenants }: TenantFilterProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const selected = params.get('tenant') ?? '';

  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Tenant
      <select
        aria-label="Tenant filter"
        value={tenants.some((t) => t.id === selected) ? selected : ''}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          if (event.target.value) next.set('tenant', event.target.value);
          else next.delete('tenant');
          const query = next.toString();
          router.push(query ? `${pathname}?${query}` : pathname);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        <option value="">All my tenants ({tenants.length})</option>
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
