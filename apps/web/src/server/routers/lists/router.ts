import { createTRPCRouter } from '@/server/trpc/init';
import { exportCsv } from './export';
import { importCommit } from './import-commit';
import { importPreview } from './import-preview';
import { list } from './list';
import { remove } from './remove';
import { upsert } from './upsert';

export const listsRouter = createTRPCRouter({
  list,
  upsert,
  remove,
  importPreview,
  importCommit,
  export: exportCsv,
});
