import { createTRPCRouter } from '@/server/trpc/init';
import { consoleSummary } from './console-summary';
import { portalSummary } from './portal-summary';

/** Landing-page figures: consoleSummary (staff, across the scope), portalSummary (a client's own tenant). */
export const overviewRouter = createTRPCRouter({ consoleSummary, portalSummary });
