import { builtinRegistry } from '@palisade/playbook/builtin-actions';
import { reportGenerateImpl } from '../reports/report-generate-action';
import type { AnyActionImpl } from './action-impl';
import { emailSendImpl } from './actions/email-send';
import { enrichArtifactImpl } from './actions/enrich-artifact';
import { enrichIncidentImpl } from './actions/enrich-incident';
import { httpRequestImpl } from './actions/http-request';
import { incidentAssignImpl } from './actions/incident-assign';
import { incidentCommentImpl } from './actions/incident-comment';
import { incidentLinkImpl } from './actions/incident-link';
import { incidentTagImpl } from './actions/incident-tag';
import { incidentUpdateImpl } from './actions/incident-update';
import { iocExtractImpl } from './actions/ioc-extract';
import { listAddImpl } from './actions/list-add';
import { listLookupImpl } from './actions/list-lookup';
import { notifyTier1Impl } from './actions/notify-tier1';
import { siemCloseAlertImpl } from './actions/siem-close-alert';
import { slaStartImpl } from './actions/sla-start';
import { slaStopImpl } from './actions/sla-stop';
import { varSetImpl } from './actions/var-set';
import type { ExecutorConfig } from './executor-config';

/**
 * The handlers this worker has. A built-in contract without one here fails its step with a clear
 * "not available" error instead of pretending.
 */
export function buildActionTable(config: ExecutorConfig): ReadonlyMap<string, AnyActionImpl> {
  const impls = [
    varSetImpl,
    iocExtractImpl,
    emailSendImpl,
    notifyTier1Impl,
    httpRequestImpl(() => config.httpAllowedHosts),
    listLookupImpl,
    listAddImpl,
    enrichArtifactImpl,
    enrichIncidentImpl,
    incidentUpdateImpl,
    incidentAssignImpl,
    incidentCommentImpl,
    incidentTagImpl,
    incidentLinkImpl,
    siemCloseAlertImpl,
    slaStartImpl,
    slaStopImpl,
    reportGenerateImpl,
  ];
  const table = new Map<string, AnyActionImpl>();
  for (const impl of impls) {
    if (!builtinRegistry.has(impl.contract.id)) throw new Error(`no contract for ${impl.contract.id}`);
    table.set(impl.contract.id, impl);
  }
  return table;
}

export const notAvailable = (actionId: string) =>
  `action ${actionId} is not available in this deployment (no handler is installed for it yet)`;
