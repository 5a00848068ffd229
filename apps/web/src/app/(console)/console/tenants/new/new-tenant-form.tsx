'use client';

import { useRouter } from 'next/navigation';
import { CompanyForm } from '../company-form';

/** Step 1 of the wizard: creating the tenant; the rest of the wizard runs on its id. */
export function NewTenantForm() {
  const router = useRouter();
  return (
    <CompanyForm
      submitLabel="Create tenant and continue"
      onSaved={(t) => {
        router.push(`/console/tenants/${t.id}/onboarding?step=sla`);
        router.refresh();
      }}
    />
  );
}
