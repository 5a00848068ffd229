'use client';

import { type Company, CompanyForm } from '../../company-form';
import type { StepProps } from './step-props';

/** The company fields, saved on the tenant (the tenant exists once the wizard has an id). */
export function StepCompany({ tenantId, onDone, company }: StepProps & { company: Company }) {
  return (
    <CompanyForm
      tenantId={tenantId}
      initial={company}
      submitLabel="Save and continue"
      onSaved={() => onDone()}
    />
  );
}
