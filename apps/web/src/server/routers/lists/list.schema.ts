import { ListKind } from '@palisade/worker/lists/list-entry';
import { z } from 'zod';

export const ListEntriesInput = z.object({ list: ListKind.optional() });
export type ListEntriesInput = z.infer<typeof ListEntriesInput>;
