import { createTRPCRouter } from '@/server/trpc/init';
import { reschedule, resetCursor, rewindCursor, runNow, setEnabled } from './controls';
import { get } from './get';
import { list } from './list';
import { output } from './output';
import { preview } from './preview';
import { save } from './save';
import { templates } from './templates';
import { validate } from './validate';

/** Staff only: daemons per tenant, their live state, editing (admins) and live control. */
export const daemonsRouter = createTRPCRouter({
  list,
  get,
  templates,
  validate,
  preview,
  save,
  setEnabled,
  runNow,
  reschedule,
  resetCursor,
  rewindCursor,
  output,
});
