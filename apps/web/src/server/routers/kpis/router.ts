import { createTRPCRouter } from '@/server/trpc/init';
import { exportCsv } from './export-csv';
import { portal } from './portal';
import { query } from './query';

/** Staff: query (the dashboard's rows) and exportCsv; clients: portal (their own tenant's KPIs). */
export const kpisRouter = createTRPCRouter({ query, exportCsv, portal });
