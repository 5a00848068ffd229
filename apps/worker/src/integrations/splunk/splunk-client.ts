import { z } from 'zod';
import { joinUrl, parseVendorBody, VendorHttpError, vendorRequest } from '../http-poll/vendor-request';
import { abortableSleep } from '../osint/abortable-sleep';

export type SplunkConnection = {
  baseUrl: string;
  /** A Splunk authentication token (Settings → Tokens), sent as a bearer token. */
  token: string;
  timeoutMs?: number;
  signal?: AbortSignal;
};

const CreatedJob = z.object({ sid: z.string().min(1) });
const JobStatus = z.object({
  entry: z
    .array(
      z.object({
        content: z.object({
          dispatchState: z.string(),
          isDone: z.boolean(),
          isFailed: z.boolean().default(false),
          resultCount: z.coerce.number().int().min(0).default(0),
          messages: z.array(z.object({ type: z.string(), text: z.string() })).default([]),
        }),
      }),
    )
    .min(1),
});
const Results = z.object({ results: z.array(z.record(z.string(), z.unknown())) });
const NotableUpdate = z.object({
  success: z.boolean(),
  message: z.string().default(''),
  failure_count: z.number().optional(),
});

export type SplunkJob = {
  state: string;
  done: boolean;
  failed: boolean;
  resultCount: number;
  messages: string[];
};

const VENDOR = 'Splunk';
const parse = <T>(schema: z.ZodType<T>, body: unknown, what: string, vendor = VENDOR) =>
  parseVendorBody(vendor, schema, body, what);

/** Splunk's search job REST API (`/services/search/jobs`) and Splunk ES notable updates. */
export class SplunkClient {
  constructor(private readonly conn: SplunkConnection) {}

  private async call(
    path: string,
    init: { method?: 'GET' | 'POST'; form?: Record<string, string>; allow404?: boolean } = {},
  ) {
    const url = joinUrl(this.conn.baseUrl, path);
    url.searchParams.set('output_mode', 'json');
    return vendorRequest({
      vendor: VENDOR,
      url,
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${this.conn.token}` },
      ...(init.form ? { form: init.form } : {}),
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
      ...(init.allow404 ? { allowStatus: [404] } : {}),
    });
  }

  /** Starts a search over [earliest, latest) (epoch seconds) and returns its sid. */
  async createSearchJob(search: string, earliest: Date, latest: Date): Promise<string> {
    const res = await this.call('services/search/jobs', {
      method: 'POST',
      form: {
        search: /^\s*(search\b|\|)/.test(search) ? search : `search ${search}`,
        earliest_time: String(earliest.getTime() / 1000),
        latest_time: String(latest.getTime() / 1000),
      },
    });
    return parse(CreatedJob, res.body, 'search job').sid;
  }

  /** The job's state, or null when Splunk no longer knows the sid (expired or deleted). */
  async job(sid: string): Promise<SplunkJob | null> {
    const res = await this.call(`services/search/jobs/${encodeURIComponent(sid)}`, { allow404: true });
    if (res.status === 404) return null;
    const [entry] = parse(JobStatus, res.body, 'job status').entry;
    if (!entry) throw new VendorHttpError(VENDOR, 'bad_response', `job status of ${sid} has no entry`);
    const c = entry.content;
    return {
      state: c.dispatchState,
      done: c.isDone,
      failed: c.isFailed || c.dispatchState === 'FAILED',
      resultCount: c.resultCount,
      messages: c.messages.map((m) => `${m.type}: ${m.text}`),
    };
  }

  /**
   * Polls until the job is done; null when Splunk does not know the sid (expired); throws when the
   * job failed or did not finish in time.
   */
  async waitForJob(sid: string, opts: { pollMs: number; maxWaitMs: number }): Promise<SplunkJob | null> {
    const deadline = Date.now() + opts.maxWaitMs;
    for (;;) {
      const job = await this.job(sid);
      if (!job) return null;
      if (job.failed) {
        throw new VendorHttpError(
          VENDOR,
          'server_error',
          `search job ${sid} failed: ${job.messages.join('; ') || job.state}`,
        );
      }
      if (job.done) return job;
      if (Date.now() >= deadline) {
        throw new VendorHttpError(
          VENDOR,
          'timeout',
          `search job ${sid} not done after ${opts.maxWaitMs} ms (${job.state})`,
        );
      }
      await abortableSleep(opts.pollMs, this.conn.signal);
    }
  }

  /** One page of a finished job's results; null when the job expired. */
  async results(sid: string, offset: number, count: number): Promise<Record<string, unknown>[] | null> {
    const path = `services/search/jobs/${encodeURIComponent(sid)}/results?offset=${offset}&count=${count}`;
    const res = await this.call(path, { allow404: true });
    if (res.status === 404) return null;
    return parse(Results, res.body, 'results').results;
  }

  /** Splunk ES: sets notable events' status (5 = closed) with a comment, by event_id (`ruleUIDs`). */
  async updateNotables(
    eventIds: readonly string[],
    update: { status: number; comment: string },
  ): Promise<string> {
    const form = new URLSearchParams({ status: String(update.status), comment: update.comment });
    for (const id of eventIds) form.append('ruleUIDs', id);
    const res = await vendorRequest({
      vendor: 'Splunk ES',
      url: joinUrl(this.conn.baseUrl, 'services/notable_update?output_mode=json'),
      method: 'POST',
      headers: { authorization: `Bearer ${this.conn.token}` },
      // URLSearchParams keeps the repeated ruleUIDs keys that a plain record cannot.
      form,
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
    });
    const body = parse(NotableUpdate, res.body, 'notable update', 'Splunk ES');
    if (!body.success)
      throw new VendorHttpError('Splunk ES', 'client_error', `notable update refused: ${body.message}`);
    return body.message;
  }
}
