/** The ingestion and incident tenant tables, each covered by ingest-isolation.int.test.ts. */
export const INGEST_TABLES = [
  'alert_artifacts',
  'alert_dedup_keys',
  'alerts',
  'artifacts',
  'data_source_api_keys',
  'data_sources',
  'incident_artifacts',
  'incident_comments',
  'incident_events',
  'incident_relations',
  'incidents',
  'tenant_incident_settings',
] as const;
