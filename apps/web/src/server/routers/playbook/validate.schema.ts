import { z } from 'zod';

/** Sources past this are refused before parsing: no playbook needs a megabyte of YAML. */
export const MAX_SOURCE_CHARS = 200_000;

export const ValidatePlaybookInput = z.object({ source: z.string().max(MAX_SOURCE_CHARS) });
export type ValidatePlaybookInput = z.infer<typeof ValidatePlaybookInput>;
