import { TenantCompanyInput } from '@palisade/db/queries/tenants/tenant-fields';
import type { z } from 'zod';

export const UpdateTenantInput = TenantCompanyInput;
export type UpdateTenantInput = z.input<typeof UpdateTenantInput>;
