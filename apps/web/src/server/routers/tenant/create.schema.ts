import { TenantCompanyInput } from '@palisade/db/queries/tenants/tenant-fields';
import type { z } from 'zod';

export const CreateTenantInput = TenantCompanyInput;
export type CreateTenantInput = z.input<typeof CreateTenantInput>;
