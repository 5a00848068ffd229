import type { ReceivedAlert } from '@palisade/db/queries/ingest/claim-received-alerts';
import type { NormalizedArtifact, ProcessedAlert } from '@palisade/db/queries/ingest/store-processed-alerts';
import { GenericMapping } from '@palisade/ioc/generic-mapping';
import type { MapperName } from '@palisade/ioc/mapper-name';
import { type NormalizeAlertOptions, normalizeAlert } from '@palisade/ioc/normalize-alert';

/** Where-found entries kept per artifact and alert: enough to show, bounded for a value repeated 10k times. */
const MAX_LOCATIONS = 20;

/**
 * One received alert → what `storeProcessedAlerts` writes: the standard fields, and the artifacts
 * (IOCs plus the alert's hosts and users) with where each was found. Pure CPU, no I/O: runs
 * between the read and the write transactions.
 */
export async function normalizeReceivedAlert(alert: ReceivedAlert): Promise<ProcessedAlert> {
  const mapper = mapperOption(alert.mapper);
  if ('error' in mapper) return { id: alert.id, ok: false, error: mapper.error };
  const result = await normalizeAlert(alert.raw, { mapper: mapper.value });
  if (!result.ok) return { id: alert.id, ok: false, error: `${result.error.code}: ${result.error.message}` };

  const { raw: _raw, ...standard } = result.alert;
  const artifacts = new Map<string, NormalizedArtifact>();
  const add = (type: string, value: string, tags: string[], locations: NormalizedArtifact['locations']) => {
    if (value === '' || value.length > 2048) return;
    const key = `${type}\u0000${value}`;
    const cur = artifacts.get(key);
    if (cur) {
      cur.locations = [...cur.locations, ...locations].slice(0, MAX_LOCATIONS);
      return;
    }
    artifacts.set(key, { type, value, tags, locations: locations.slice(0, MAX_LOCATIONS) });
  };
  for (const ioc of result.iocs) {
    add(
      ioc.type,
      ioc.value,
      ioc.tags ?? [],
      ioc.locations.map((l) => ({ field: l.path ?? 'text', start: l.start, end: l.end })),
    );
  }
  for (const host of standard.hosts) add('host', host.toLowerCase(), [], [{ field: 'hosts' }]);
  for (const user of standard.users) add('user', user.toLowerCase(), [], [{ field: 'users' }]);

  return {
    id: alert.id,
    ok: true,
    fields: {
      mapper: result.mapper,
      title: standard.title || 'Untitled alert',
      description: standard.description,
      severity: standard.severity.level,
      eventTime: standard.eventTime,
      sourceVendor: standard.source.vendor,
      sourceProduct: standard.source.product,
      sourceAlertId: standard.sourceAlertId,
      ruleId: standard.rule.id,
      ruleName: standard.rule.name,
      hosts: standard.hosts,
      users: standard.users,
      normalized: { ...standard, warnings: result.warnings },
      artifacts: [...artifacts.values()],
    },
  };
}

function mapperOption(
  mapper: ReceivedAlert['mapper'],
): { value: NonNullable<NormalizeAlertOptions['mapper']> } | { error: string } {
  if (mapper.kind === 'auto') return { value: 'auto' };
  if (mapper.kind === 'builtin') return { value: mapper.name as MapperName };
  const parsed = GenericMapping.safeParse(mapper.mapping);
  if (!parsed.success) return { error: `ALERT_MAPPING_INVALID: ${parsed.error.message}` };
  return { value: parsed.data };
}
