import type { JobDefinition } from '../jobs/define-job';
import { enqueuePeriodicReportsJob } from './enqueue-periodic-reports-job';
import { generateReportJob } from './generate-report-job';

/** The report queues: rendering, and the hourly check for scheduled periodic reports. */
export const reportJobs: readonly JobDefinition[] = [
  generateReportJob as JobDefinition,
  enqueuePeriodicReportsJob as JobDefinition,
];
