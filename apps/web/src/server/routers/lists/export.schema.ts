import { ListKind } from '@palisade/worker/lists/list-entry';
import { z } from 'zod';
import { ListScopeInput } from './list-scope';

export const ExportListInput = z.object({
  scope: ListScopeInput.default('tenant'),
  list: ListKind.optional(),
});
export type ExportListInput = z.input<typeof ExportListInput>;
