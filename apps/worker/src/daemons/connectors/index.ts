import type { DaemonConnector } from '../connector';
import { elasticConnector } from './elastic/elastic-connector';
import { fileFeedConnector } from './file-feed/file-feed-connector';
import { httpPollConnector } from './http-poll/http-poll-connector';
import { imapConnector } from './imap/imap-connector';
import { lifecycleReportConnector } from './internal/lifecycle-report-connector';
import { reopenDetectorConnector } from './internal/reopen-detector-connector';
import { staleIncidentsConnector } from './internal/stale-incidents-connector';
import { mispApiConnector } from './misp/misp-api-connector';
import { mispFeedConnector } from './misp/misp-feed-connector';
import { sentinelConnector } from './sentinel/sentinel-connector';
import { splunkConnector } from './splunk/splunk-connector';
import { sqlPollConnector } from './sql-poll/sql-poll-connector';
import { syslogConnector } from './syslog/syslog-connector';
import { taxiiConnector } from './taxii/taxii-connector';

/**
 * Every daemon kind the worker can run, one line per connector (each lives in its own
 * `connectors/<kind>/` folder and exports one `DaemonConnector`). The YAML validator, scheduler,
 * listener service and console all read this list, so adding a line is all a new kind needs.
 */
export const CONNECTORS: readonly DaemonConnector[] = [
  syslogConnector,
  sqlPollConnector,
  staleIncidentsConnector,
  lifecycleReportConnector,
  reopenDetectorConnector,
  fileFeedConnector,
  imapConnector,
  splunkConnector,
  elasticConnector,
  sentinelConnector,
  httpPollConnector,
  mispFeedConnector,
  mispApiConnector,
  taxiiConnector,
];

const byKind = new Map(CONNECTORS.map((c) => [c.kind, c]));

export function findConnector(kind: string): DaemonConnector | undefined {
  return byKind.get(kind);
}

export function connectorKinds(): string[] {
  return CONNECTORS.map((c) => c.kind);
}
