import { createTRPCRouter } from '@/server/trpc/init';
import { list } from './list';
import { remove } from './remove';
import { removeMssp } from './remove-mssp';
import { save } from './save';
import { saveMssp } from './save-mssp';
import { saveTier1Rule } from './save-tier1-rule';

export const contactsRouter = createTRPCRouter({
  list,
  save,
  remove,
  saveTier1Rule,
  saveMssp,
  removeMssp,
});
