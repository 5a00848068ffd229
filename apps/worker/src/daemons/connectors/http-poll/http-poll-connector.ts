import { fetchHttpPollPage, HttpPollConfig, HttpPollCursor } from '../../../integrations/http-poll/http-poll';
import { definePollingConnector } from '../../connector';

export const httpPollConnector = definePollingConnector({
  kind: 'http-poll',
  title: 'Generic HTTP JSON API poller (pagination, since-parameter, JSONata mapping)',
  mode: 'poll',
  output: 'alerts',
  configSchema: HttpPollConfig,
  cursorSchema: HttpPollCursor,
  async run(ctx) {
    const page = await fetchHttpPollPage({
      config: ctx.config,
      cursor: ctx.cursor,
      secret: ctx.secrets.http?.secret ?? null,
      lookBackFrom: ctx.rules.lookBackFrom,
      maxItems: ctx.rules.maxItems,
      signal: ctx.signal,
    });
    const since = ctx.cursor?.since ?? ctx.rules.lookBackFrom.toISOString();
    return {
      items: page.items.map(({ id, item }) => ({ sourceId: id, event: item })),
      // Paging continues from `next`; once the last page is read, `since` moves to the newest time seen.
      cursor: page.next
        ? { since, next: page.next, ...(page.maxSeen ? { maxSeen: page.maxSeen } : {}) }
        : { since: page.maxSeen ?? since },
      hasMore: page.next !== null,
      stats: {
        fetched: page.items.length + page.failed.length,
        failed: page.failed.length,
        errors: page.failed.slice(0, 5),
      },
    };
  },
});
