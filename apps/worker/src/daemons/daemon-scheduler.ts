import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '@palisade/db/database';
import { claimDueDaemons } from '@palisade/db/queries/daemons/daemon-runs';
import type { Logger } from 'pino';
import { type RunOutcome, runClaimedDaemon } from './run-claimed-daemon';

export type SchedulerOptions = {
  db: Db;
  log: Logger;
  /** Runs in flight in this process at most. */
  concurrency?: number;
  /** Runs in flight per tenant at most, across all workers (noisy neighbours). */
  tenantCap?: number;
  /** A run's lease; extended at every batch. A dead worker's daemons are free again after it. */
  leaseSeconds?: number;
};

/**
 * Claims due daemons and runs them in this process. `tick()` is driven by the `tick-daemons` pg-boss
 * job; runs continue after the tick returns (a long SIEM poll must not stall the next tick), bounded
 * by `concurrency`. Correctness does not depend on this process: leases in the database decide who
 * runs what, so several workers can tick at once.
 */
export class DaemonScheduler {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly inFlight = new Set<Promise<RunOutcome>>();
  private readonly abort = new AbortController();
  private readonly concurrency: number;
  private readonly tenantCap: number;
  private readonly leaseSeconds: number;
  private saturated = false;

  constructor(private readonly options: SchedulerOptions) {
    this.concurrency = options.concurrency ?? 8;
    this.tenantCap = options.tenantCap ?? 2;
    this.leaseSeconds = options.leaseSeconds ?? 300;
  }

  /** Claims as many due daemons as there are free slots and starts them; returns how many started. */
  async tick(): Promise<number> {
    if (this.abort.signal.aborted) return 0;
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    const claimed = await claimDueDaemons(this.options.db, {
      owner: this.owner,
      limit: free,
      leaseSeconds: this.leaseSeconds,
      tenantCap: this.tenantCap,
    });
    // Every slot filled: more may be due. Each finished run claims again at once instead of waiting
    // for the next tick, so a backlog drains at the speed of the runs.
    this.saturated = claimed.length === free;
    for (const claim of claimed) {
      const run = runClaimedDaemon(claim, {
        owner: this.owner,
        leaseSeconds: this.leaseSeconds,
        log: this.options.log,
        signal: this.abort.signal,
      }).catch((err) => {
        // The run's own failure path could not write (database gone): the lease expires and frees it.
        this.options.log.error(
          { err, tenant_id: claim.tenantId, daemon_id: claim.daemonId },
          'daemon run crashed',
        );
        return { status: 'failed', items: 0 } satisfies RunOutcome;
      });
      this.inFlight.add(run);
      void run.finally(() => {
        this.inFlight.delete(run);
        if (this.saturated) void this.refill();
      });
    }
    return claimed.length;
  }

  private async refill(): Promise<void> {
    try {
      await this.tick();
    } catch (err) {
      // The next tick retries; a database blip must not crash the worker.
      this.options.log.warn({ err }, 'daemon refill claim failed');
    }
  }

  /** Resolves when every run started so far has finished (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  get running(): number {
    return this.inFlight.size;
  }

  /** Stops claiming, aborts runs between batches and waits for them. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.idle();
  }
}
