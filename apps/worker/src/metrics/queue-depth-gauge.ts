import type PgBoss from 'pg-boss';
import { Gauge, type Registry } from 'prom-client';
import { readQueueDepths } from './read-queue-depths';

/** Jobs waiting and running per queue, read from pg-boss at scrape time. */
export function registerQueueDepthGauge(registry: Registry, boss: PgBoss): Gauge<'queue' | 'state'> {
  return new Gauge({
    name: 'palisade_worker_queue_jobs',
    help: 'Jobs per queue: queued (created or waiting to retry) and active',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const depth of await readQueueDepths(boss)) {
        this.set({ queue: depth.name, state: 'queued' }, depth.queued);
        this.set({ queue: depth.name, state: 'active' }, depth.active);
      }
    },
  });
}
