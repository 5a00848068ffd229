/** Several jobs of one fetched batch threw; pg-boss stores this as each failed job's output. */
export class JobBatchError extends Error {
  readonly code = 'JOB_BATCH_FAILED' as const;
  readonly failures: Record<string, string>;

  constructor(failures: ReadonlyMap<string, unknown>) {
    super(`${failures.size} jobs of the batch failed`);
    this.name = 'JobBatchError';
    this.failures = Object.fromEntries(
      [...failures].map(([jobId, err]) => [jobId, err instanceof Error ? err.message : String(err)]),
    );
  }
}
