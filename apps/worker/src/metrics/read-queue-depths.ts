import type PgBoss from 'pg-boss';

export interface QueueDepth {
  name: string;
  /** created or retry: waiting for a worker */
  queued: number;
  active: number;
}

export async function readQueueDepths(boss: PgBoss): Promise<QueueDepth[]> {
  const queues = await boss.getQueues();
  return Promise.all(
    queues.map(async ({ name }) => {
      const queued = await boss.getQueueSize(name);
      // Job states are ordered: created < retry < active < completed, so "before completed"
      // minus "before active" is exactly the active jobs.
      const notDone = await boss.getQueueSize(name, { before: 'completed' });
      return { name, queued, active: notDone - queued };
    }),
  );
}
