import { z } from 'zod';
import { ProviderId } from './provider-input';

export const TestConnectionInput = z.object({ tenantId: z.uuid(), provider: ProviderId });
export type TestConnectionInput = z.infer<typeof TestConnectionInput>;
