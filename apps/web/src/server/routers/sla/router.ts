import { createTRPCRouter } from '@/server/trpc/init';
import { addHoliday } from './add-holiday';
import { clocks } from './clocks';
import { removeHoliday } from './remove-holiday';
import { saveBusinessHours } from './save-business-hours';
import { savePolicy } from './save-policy';
import { settings } from './settings';
import { status } from './status';

/** SLA policies per tenant and severity, business hours and holidays; live clocks and status. */
export const slaRouter = createTRPCRouter({
  settings,
  savePolicy,
  saveBusinessHours,
  addHoliday,
  removeHoliday,
  status,
  clocks,
});
