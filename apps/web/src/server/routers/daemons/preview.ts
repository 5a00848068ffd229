import { normalizeAlert } from '@palisade/ioc/normalize-alert';
import { parseSyslogMessage } from '@palisade/worker/daemons/connectors/syslog/parse-syslog-message';
import { filterAlertItems } from '@palisade/worker/daemons/deliver-items';
import { validateDaemon } from '@palisade/worker/daemons/validate-daemon';
import { staffProcedure } from '@/server/trpc/procedures';
import { PreviewDaemonInput } from './daemons.schema';

/**
 * Mapping preview: the pasted sample through the daemon's filter and mapping, exactly as the intake
 * would map it (same normalizer), without storing anything.
 */
export const preview = staffProcedure.input(PreviewDaemonInput).mutation(async ({ input }) => {
  const v = validateDaemon(input.yaml);
  if (!v.ok) return { ok: false as const, errors: v.errors };
  const { definition, connector } = v.daemon;
  if (connector.output !== 'alerts' || connector.mode === 'internal') {
    return {
      ok: true as const,
      applies: false as const,
      message: `kind '${definition.kind}' does not map events to alerts`,
    };
  }
  const sample = input.sample.trim();
  let event: Record<string, unknown>;
  let raw: string | undefined;
  if (sample.startsWith('{')) {
    try {
      event = JSON.parse(sample) as Record<string, unknown>;
    } catch (err) {
      return {
        ok: true as const,
        applies: false as const,
        message: `sample is not valid JSON: ${(err as Error).message}`,
      };
    }
  } else {
    // A raw line: read as the syslog listener would.
    event = parseSyslogMessage(sample, '127.0.0.1', new Date());
    raw = sample;
  }
  const filtered = await filterAlertItems(definition.filter, [
    { sourceId: 'preview', event, ...(raw ? { raw } : {}) },
  ]);
  const stored = definition.mapping || raw === undefined ? event : raw;
  const mapped = await normalizeAlert(stored, { mapper: definition.mapping ?? 'auto' });
  return {
    ok: true as const,
    applies: true as const,
    event,
    passesFilter: filtered.kept.length === 1,
    filterError: filtered.errors[0] ?? null,
    alert: mapped.ok
      ? {
          mapper: mapped.mapper,
          title: mapped.alert.title,
          severity: mapped.alert.severity.level,
          sourceAlertId: mapped.alert.sourceAlertId,
          eventTime: mapped.alert.eventTime,
          hosts: mapped.alert.hosts,
          users: mapped.alert.users,
          iocs: mapped.iocs.map((i) => ({ type: i.type, value: i.value })),
          warnings: mapped.warnings,
        }
      : null,
    mappingError: mapped.ok ? null : `${mapped.error.code}: ${mapped.error.message}`,
  };
});
