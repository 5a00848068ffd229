import { ListEntryInput } from '@palisade/worker/lists/list-entry';
import { z } from 'zod';
import { ListScopeInput } from './list-scope';

export const UpsertListEntryInput = z.object({
  scope: ListScopeInput.default('tenant'),
  entry: ListEntryInput,
});
export type UpsertListEntryInput = z.input<typeof UpsertListEntryInput>;
