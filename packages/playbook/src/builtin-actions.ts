import { createRegistry } from './action-registry';
import { emailSend } from './actions/email-send';
import { enrichArtifact } from './actions/enrich-artifact';
import { enrichIncident } from './actions/enrich-incident';
import { httpRequest } from './actions/http-request';
import { incidentAssign } from './actions/incident-assign';
import { incidentComment } from './actions/incident-comment';
import { incidentLink } from './actions/incident-link';
import { incidentTag } from './actions/incident-tag';
import { incidentUpdate } from './actions/incident-update';
import { iocExtract } from './actions/ioc-extract';
import { listAdd } from './actions/list-add';
import { listLookup } from './actions/list-lookup';
import { notifyTier1 } from './actions/notify-tier1';
import { reportGenerate } from './actions/report-generate';
import { siemCloseAlert } from './actions/siem-close-alert';
import { slaStart } from './actions/sla-start';
import { slaStop } from './actions/sla-stop';
import { varSet } from './actions/var-set';

/** `as const` keeps each id literal so ActionHandlers<typeof builtinActions> demands one handler per id. */
export const builtinActions = [
  iocExtract,
  incidentUpdate,
  incidentAssign,
  incidentComment,
  incidentTag,
  incidentLink,
  listLookup,
  listAdd,
  enrichArtifact,
  enrichIncident,
  varSet,
  httpRequest,
  emailSend,
  notifyTier1,
  slaStart,
  slaStop,
  siemCloseAlert,
  reportGenerate,
] as const;

export const builtinRegistry = createRegistry(builtinActions);
