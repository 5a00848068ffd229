import { z } from 'zod';
import { connectionSecret } from '../../../integrations/http-poll/connection-secret';
import { contentId } from '../../../integrations/http-poll/content-id';
import { SplunkClient } from '../../../integrations/splunk/splunk-client';
import { type AlertItem, definePollingConnector } from '../../connector';

export const SplunkConfig = z.object({
  baseUrl: z
    .url()
    .optional()
    .describe("Splunk management URL (https://splunk:8089); default: the credential's base URL"),
  search: z.string().trim().min(1).describe('SPL run over each time window, e.g. `search index=notable`'),
  lagSeconds: z
    .int()
    .min(0)
    .max(3600)
    .default(60)
    .describe('Search up to this many seconds before now, so late-indexed events are not skipped'),
  pageSize: z.int().min(1).max(50_000).default(500).describe('Results read per request'),
  jobPollMs: z
    .int()
    .min(100)
    .max(10_000)
    .default(1000)
    .describe('How often to ask whether the search job is done'),
  jobTimeoutSeconds: z
    .int()
    .min(5)
    .max(3600)
    .default(300)
    .describe('Give up on a search job after this long'),
  timeoutMs: z.int().min(100).max(120_000).default(30_000).describe('Timeout of each HTTP request'),
});
export type SplunkConfig = z.infer<typeof SplunkConfig>;

/**
 * `from`: start of the time window not yet fully read. `job`: the search job over [from, to) being
 * read, and how many of its results are already stored. A job Splunk forgot (TTL) is re-run over
 * the same window; dedup on event ids drops the results read before.
 */
export const SplunkCursor = z.object({
  from: z.iso.datetime(),
  job: z.object({ sid: z.string().min(1), to: z.iso.datetime(), offset: z.int().min(0) }).optional(),
});
export type SplunkCursor = z.infer<typeof SplunkCursor>;

/** Splunk's own id: ES notables carry `event_id`; plain events are unique by index + `_cd`. */
function splunkSourceId(row: Record<string, unknown>): string {
  if (typeof row.event_id === 'string' && row.event_id) return row.event_id;
  if (typeof row._cd === 'string' && row._cd) return `${String(row.index ?? '')}:${row._cd}`;
  return contentId(row);
}

export const splunkConnector = definePollingConnector({
  kind: 'splunk',
  title: 'Splunk search (search job REST API), e.g. ES notable events',
  mode: 'poll',
  output: 'alerts',
  configSchema: SplunkConfig,
  cursorSchema: SplunkCursor,
  requiredSecrets: ['splunk'],
  async run(ctx) {
    const { config } = ctx;
    const { baseUrl, secret } = connectionSecret(ctx.secrets, 'splunk', config.baseUrl);
    const client = new SplunkClient({
      baseUrl,
      token: secret,
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
    });
    const from = ctx.cursor?.from ?? ctx.rules.lookBackFrom.toISOString();
    let job = ctx.cursor?.job;
    if (!job) {
      const to = new Date(ctx.now.getTime() - config.lagSeconds * 1000);
      if (to.getTime() <= Date.parse(from)) return { items: [], cursor: ctx.cursor, hasMore: false };
      job = { sid: '', to: to.toISOString(), offset: 0 };
    }
    const count = Math.min(config.pageSize, ctx.rules.maxItems);
    const wait = { pollMs: config.jobPollMs, maxWaitMs: config.jobTimeoutSeconds * 1000 };
    /** The job's page at `offset`; null when Splunk no longer knows the sid. */
    const read = async (sid: string, offset: number) =>
      (await client.waitForJob(sid, wait)) ? client.results(sid, offset, count) : null;
    let rows = job.sid ? await read(job.sid, job.offset) : null;
    if (rows === null) {
      job = {
        ...job,
        offset: 0,
        sid: await client.createSearchJob(config.search, new Date(from), new Date(job.to)),
      };
      rows = (await read(job.sid, 0)) ?? [];
    }
    const { sid } = job;
    const items: AlertItem[] = rows.map((row) => ({
      sourceId: splunkSourceId(row),
      event: { sid, search_name: ctx.daemonName, result: row },
    }));
    const done = rows.length < count;
    return {
      items,
      cursor: done ? { from: job.to } : { from, job: { ...job, offset: job.offset + rows.length } },
      hasMore: !done,
      stats: { fetched: rows.length },
    };
  },
});
