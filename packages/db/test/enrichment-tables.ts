/** The enrichment tenant tables, each covered by enrichment-isolation.int.test.ts. */
export const ENRICHMENT_TABLES = [
  'artifact_enrichments',
  'attack_mapping_rules',
  'incident_enrichments',
  'integration_credentials',
  'list_entries',
  'threat_indicators',
] as const;
