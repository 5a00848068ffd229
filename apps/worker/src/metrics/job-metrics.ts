import { Counter, Histogram, type Registry } from 'prom-client';

export interface JobMetrics {
  completed: Counter<'job_name'>;
  failed: Counter<'job_name' | 'reason'>;
  duration: Histogram<'job_name' | 'outcome'>;
}

/** Per-job counters and run time, on the worker's own registry (never the global one). */
export function createJobMetrics(registry: Registry): JobMetrics {
  return {
    completed: new Counter({
      name: 'palisade_worker_jobs_completed_total',
      help: 'Jobs whose handler finished',
      labelNames: ['job_name'],
      registers: [registry],
    }),
    failed: new Counter({
      name: 'palisade_worker_jobs_failed_total',
      help: 'Failed job attempts; reason invalid_payload is never retried, error is retried while retries remain',
      labelNames: ['job_name', 'reason'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'palisade_worker_job_duration_seconds',
      help: 'Handler run time per attempt',
      labelNames: ['job_name', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
  };
}
