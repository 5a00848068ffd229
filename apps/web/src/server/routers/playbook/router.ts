import { createTRPCRouter } from '@/server/trpc/init';
import { cancel } from './cancel';
import { decide } from './decide';
import { diff } from './diff';
import { dryRun } from './dry-run';
import { get } from './get';
import { list } from './list';
import { rerunStep } from './rerun-step';
import { rollback } from './rollback';
import { run } from './run';
import { runs } from './runs';
import { save } from './save';
import { start } from './start';
import { validate } from './validate';
import { versions } from './versions';

/** Staff only, per tenant: playbook catalog and versions, runs and their control. */
export const playbookRouter = createTRPCRouter({
  list,
  get,
  versions,
  diff,
  validate,
  save,
  rollback,
  runs,
  run,
  start,
  dryRun,
  cancel,
  rerunStep,
  decide,
});
