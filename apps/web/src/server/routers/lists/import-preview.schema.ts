import { ListKind } from '@palisade/worker/lists/list-entry';
import { z } from 'zod';
import { ListScopeInput } from './list-scope';

/** The CSV travels as text (2 MB at most); the server parses it on preview and again on commit. */
export const ImportListCsvInput = z.object({
  scope: ListScopeInput.default('tenant'),
  csv: z.string().max(2_000_000),
  defaultList: ListKind.optional(),
  fileName: z.string().max(200).optional(),
});
export type ImportListCsvInput = z.input<typeof ImportListCsvInput>;
