import {
  type StandIn,
  type StandInRequest,
  startStandIn,
  unauthorized,
} from '../../http-poll/test/stand-in-server';

export type SplunkEvent = { _time: number; event_id: string } & Record<string, unknown>;

export type SplunkStandIn = StandIn & {
  token: string;
  events: SplunkEvent[];
  jobs: Map<string, { search: string; earliest: number; latest: number; rows: SplunkEvent[]; polls: number }>;
  /** Notable updates received: event ids, status, comment. */
  notableUpdates: { ids: string[]; status: string; comment: string }[];
  /** Status polls answered RUNNING before a job reports DONE. */
  runningPolls: number;
  /** Forget every job, as Splunk does when a job's TTL passes. */
  expireJobs(): void;
};

/**
 * Splunk REST stand-in: `/services/search/jobs` (create → sid), `/services/search/jobs/{sid}`
 * (dispatchState), `/services/search/jobs/{sid}/results` (offset/count), and Splunk ES
 * `/services/notable_update`. Searches select `events` by `_time` within [earliest, latest).
 */
export async function startSplunkStandIn(token = 'splunk-token'): Promise<SplunkStandIn> {
  const events: SplunkEvent[] = [];
  const jobs: SplunkStandIn['jobs'] = new Map();
  const notableUpdates: SplunkStandIn['notableUpdates'] = [];
  let nextSid = 1;
  let standIn: SplunkStandIn | undefined;
  const handle = (req: StandInRequest) => {
    if (req.headers.authorization !== `Bearer ${token}`) return unauthorized;
    if (req.url.searchParams.get('output_mode') !== 'json')
      return { status: 400, json: { messages: [{ text: 'output_mode' }] } };
    const path = req.url.pathname;
    if (req.method === 'POST' && path === '/services/search/jobs') {
      const form = new URLSearchParams(req.body);
      const earliest = Number(form.get('earliest_time'));
      const latest = Number(form.get('latest_time'));
      const sid = `scheduler__admin__search__${nextSid++}`;
      const rows = events
        .filter((e) => e._time >= earliest && e._time < latest)
        .sort((a, b) => a._time - b._time || a.event_id.localeCompare(b.event_id));
      jobs.set(sid, { search: form.get('search') ?? '', earliest, latest, rows, polls: 0 });
      return { status: 201, json: { sid } };
    }
    if (req.method === 'POST' && path === '/services/notable_update') {
      const form = new URLSearchParams(req.body);
      const ids = form.getAll('ruleUIDs');
      const known = ids.filter((id) => events.some((e) => e.event_id === id));
      if (known.length === 0) return { json: { success: false, message: 'No valid ruleUIDs found' } };
      notableUpdates.push({ ids, status: form.get('status') ?? '', comment: form.get('comment') ?? '' });
      return {
        json: { success: true, message: `${known.length} event(s) updated successfully`, failure_count: 0 },
      };
    }
    const m = /^\/services\/search\/jobs\/([^/]+)(\/results)?$/.exec(path);
    const job = m?.[1] ? jobs.get(decodeURIComponent(m[1])) : undefined;
    if (!m || !job) return { status: 404, json: { messages: [{ type: 'FATAL', text: 'Unknown sid.' }] } };
    if (m[2]) {
      const offset = Number(req.url.searchParams.get('offset') ?? 0);
      const count = Number(req.url.searchParams.get('count') ?? 100);
      return { json: { init_offset: offset, results: job.rows.slice(offset, offset + count) } };
    }
    const done = job.polls++ >= (standIn?.runningPolls ?? 0);
    return {
      json: {
        entry: [
          {
            name: job.search,
            content: {
              dispatchState: done ? 'DONE' : 'RUNNING',
              isDone: done,
              isFailed: false,
              resultCount: job.rows.length,
              messages: [],
            },
          },
        ],
      },
    };
  };
  const server = await startStandIn(handle);
  standIn = Object.assign(server, {
    token,
    events,
    jobs,
    notableUpdates,
    runningPolls: 1,
    expireJobs: () => jobs.clear(),
  });
  return standIn;
}
