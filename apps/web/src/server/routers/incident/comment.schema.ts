import { commentVisibility } from '@palisade/db/schema';
import { z } from 'zod';

export const CommentOnIncidentInput = z.object({
  incidentId: z.uuid(),
  body: z.string().trim().min(1).max(10_000),
  /** `shared` comments are shown to the client in the portal; `internal` ones never are. */
  visibility: z.enum(commentVisibility.enumValues),
});
export type CommentOnIncidentInput = z.infer<typeof CommentOnIncidentInput>;
