import { z } from 'zod';
import { defineAction } from '../action-registry';
import { Ioc } from '../param';

/** Pure: attaching the IOCs as artifacts is incident.update's job, so a dry run still extracts. */
export const iocExtract = defineAction({
  id: 'ioc.extract',
  description: 'Extract refanged, normalized IOCs from text',
  input: z.strictObject({
    text: z.union([z.string(), z.array(z.string())]),
    types: z.array(z.string().min(1)).optional(),
  }),
  output: z.object({ iocs: z.array(Ioc) }),
  sideEffects: false,
});
