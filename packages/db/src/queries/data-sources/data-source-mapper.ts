import { z } from 'zod';

/** Same names as @palisade/ioc's MapperName (db does not import ioc; the worker validates the mapping itself). */
export const BuiltinMapperName = z.enum([
  'splunk',
  'elastic',
  'microsoft_defender',
  'microsoft_sentinel',
  'crowdstrike',
  'wazuh',
  'cef',
  'leef',
  'syslog_rfc5424',
  'syslog_rfc3164',
  'generic',
]);

/** A data source's mapper: detect the source, force a built-in one, or a tenant's JSONata mapping. */
export const DataSourceMapper = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('builtin'), name: BuiltinMapperName }),
  z.object({ kind: z.literal('generic'), mapping: z.record(z.string(), z.unknown()) }),
]);
export type DataSourceMapper = z.infer<typeof DataSourceMapper>;
