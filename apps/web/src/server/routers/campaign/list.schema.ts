import { z } from 'zod';

export const ListCampaignsInput = z.object({
  /** An IOC counts as a campaign when seen at this many tenants of the scope or more. */
  minTenants: z.number().int().min(2).max(1000).default(2),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListCampaignsInput = z.input<typeof ListCampaignsInput>;
