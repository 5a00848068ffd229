import { BuiltinMapperName } from '@palisade/db/queries/data-sources/data-source-mapper';
import { z } from 'zod';

export const TestSampleAlertInput = z.object({
  /** A pasted alert: JSON, CEF, LEEF or a syslog line. */
  sample: z.string().min(1).max(200_000),
  mapper: z.union([z.literal('auto'), BuiltinMapperName]).default('auto'),
});
export type TestSampleAlertInput = z.input<typeof TestSampleAlertInput>;
