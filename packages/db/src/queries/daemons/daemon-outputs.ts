import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { daemonOutputs, daemonRuns } from '../../schema/index';

/** Stores a file an analysis produced, linked to the daemon's running run. */
export async function saveDaemonOutput(
  tx: Tx,
  input: { tenantId: string; daemonId: string; fileName: string; mime: string; bytes: Buffer },
): Promise<void> {
  const [run] = await tx
    .select({ id: daemonRuns.id })
    .from(daemonRuns)
    .where(
      and(
        eq(daemonRuns.tenantId, input.tenantId),
        eq(daemonRuns.daemonId, input.daemonId),
        eq(daemonRuns.status, 'running'),
      ),
    )
    .orderBy(desc(daemonRuns.startedAt))
    .limit(1);
  await tx.insert(daemonOutputs).values({
    tenantId: input.tenantId,
    daemonId: input.daemonId,
    runId: run?.id ?? null,
    fileName: input.fileName,
    mime: input.mime,
    bytes: input.bytes,
  });
}

/** The daemon's files, newest first, without their bytes. */
export async function listDaemonOutputs(
  tx: Tx,
  input: { tenantId: string; daemonId: string; limit?: number },
) {
  return tx
    .select({
      id: daemonOutputs.id,
      fileName: daemonOutputs.fileName,
      mime: daemonOutputs.mime,
      runId: daemonOutputs.runId,
      createdAt: daemonOutputs.createdAt,
    })
    .from(daemonOutputs)
    .where(and(eq(daemonOutputs.tenantId, input.tenantId), eq(daemonOutputs.daemonId, input.daemonId)))
    .orderBy(desc(daemonOutputs.createdAt))
    .limit(input.limit ?? 50);
}

/** One file with its bytes, or undefined outside the scope. */
export async function getDaemonOutput(tx: Tx, input: { tenantId: string; outputId: string }) {
  const [row] = await tx
    .select()
    .from(daemonOutputs)
    .where(and(eq(daemonOutputs.tenantId, input.tenantId), eq(daemonOutputs.id, input.outputId)));
  return row;
}
