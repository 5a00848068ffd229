import { z } from 'zod';

/** A data source's mapper choice, as the ingest API validates it. */
export const MapperName = z.enum([
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
export type MapperName = z.infer<typeof MapperName>;
