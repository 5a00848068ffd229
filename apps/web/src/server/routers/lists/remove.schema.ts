import { z } from 'zod';
import { ListScopeInput } from './list-scope';

export const RemoveListEntriesInput = z.object({
  scope: ListScopeInput.default('tenant'),
  ids: z.array(z.uuid()).min(1).max(500),
});
export type RemoveListEntriesInput = z.input<typeof RemoveListEntriesInput>;
