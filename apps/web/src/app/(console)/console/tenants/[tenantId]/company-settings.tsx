'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type Company, CompanyForm } from '../company-form';

/** The company form on the tenant page; a changed slug is reflected after the refresh. */
export function CompanySettings({ tenantId, company }: { tenantId: string; company: Company }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  return (
    <>
      <CompanyForm
        tenantId={tenantId}
        initial={company}
        submitLabel="Save company"
        onSaved={() => {
          setSaved(true);
          router.refresh();
        }}
      />
      {saved ? (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
    </>
  );
}
