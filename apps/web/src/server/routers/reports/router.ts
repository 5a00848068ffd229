import { createTRPCRouter } from '@/server/trpc/init';
import { generateIncident } from './generate-incident';
import { generatePeriodic } from './generate-periodic';
import { get } from './get';
import { list } from './list';
import { narrative, saveNarrative } from './narrative';
import { schedules, setSchedule } from './schedules';

export const reportsRouter = createTRPCRouter({
  list,
  get,
  generateIncident,
  generatePeriodic,
  narrative,
  saveNarrative,
  schedules,
  setSchedule,
});
