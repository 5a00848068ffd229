import type { Tx } from '@palisade/db/database';
import { createDaemon, type DaemonRecord, updateDaemon } from '@palisade/db/queries/daemons/save-daemon';
import type { Daemon } from '@palisade/db/schema';
import { scheduleKind } from './definition';
import { nextRunAt } from './next-run-at';
import { type DaemonError, validateDaemon } from './validate-daemon';

export type SaveDaemonInput = {
  tenantId: string;
  yaml: string;
  /** Absent: create. Present: replace that daemon's YAML (same kind). */
  daemonId?: string;
  enabled?: boolean;
  actorUserId: string | null;
};

export type SaveDaemonResult = { ok: true; daemon: Daemon } | { ok: false; errors: DaemonError[] };

/**
 * Validates and stores a daemon YAML; invalid YAML writes nothing and returns every error with its
 * line and column. A polling daemon's first run is scheduled from now.
 */
export async function saveDaemon(
  tx: Tx,
  input: SaveDaemonInput,
  now = new Date(),
): Promise<SaveDaemonResult> {
  const v = validateDaemon(input.yaml);
  if (!v.ok) return { ok: false, errors: v.errors };
  const { definition, connector } = v.daemon;
  const record: DaemonRecord = {
    tenantId: input.tenantId,
    name: definition.name,
    kind: definition.kind,
    yaml: input.yaml,
    definition: definition as unknown as Record<string, unknown>,
    scheduleKind: scheduleKind(definition.schedule),
    outputsAlerts: connector.output === 'alerts' && connector.mode !== 'internal',
    mapping: definition.mapping ? (definition.mapping as Record<string, unknown>) : null,
    // A new interval daemon runs at once; cron daemons wait for their first slot.
    nextRunAt:
      'every' in definition.schedule && !input.daemonId
        ? now
        : nextRunAt(definition.schedule, definition.rules, now),
    enabled: input.enabled,
    actorUserId: input.actorUserId,
  };
  const daemon = input.daemonId
    ? await updateDaemon(tx, input.daemonId, record)
    : await createDaemon(tx, record);
  return { ok: true, daemon };
}
