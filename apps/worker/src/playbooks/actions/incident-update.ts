import { addIncidentTag } from '@palisade/db/queries/incidents/add-incident-tag';
import { setIncidentSeverity } from '@palisade/db/queries/incidents/set-incident-severity';
import { setIncidentStatus } from '@palisade/db/queries/incidents/set-incident-status';
import { attachArtifacts } from '@palisade/db/queries/playbooks/attach-artifacts';
import { incidentUpdate } from '@palisade/playbook/actions/incident-update';
import { actionImpl } from '../action-impl';

export class IncidentFieldUnsupportedError extends Error {
  readonly code = 'NOT_AVAILABLE' as const;
}

/**
 * Severity and status go through the incident store's own functions (timeline + audit). Title,
 * description, resolution and `on_hold` have no store function yet and are refused by name rather than
 * silently dropped. ATT&CK techniques become `attack:<id>` tags until incidents get a technique table.
 */
export const incidentUpdateImpl = actionImpl({
  mode: 'tx',
  contract: incidentUpdate,
  run: async (input, ctx, tx) => {
    const { incidentId, fields } = input;
    const unsupported: string[] = (['title', 'description', 'resolution'] as const).filter(
      (f) => fields[f] !== undefined,
    );
    if (fields.status === 'on_hold') unsupported.push('status on_hold');
    if (unsupported.length) {
      throw new IncidentFieldUnsupportedError(
        `incident fields not updatable by playbooks yet: ${unsupported.join(', ')}`,
      );
    }
    const updated: string[] = [];
    if (fields.severity) {
      const severity = fields.severity === 'informational' ? 'info' : fields.severity;
      await setIncidentSeverity(tx, { incidentId, severity, actorUserId: null });
      updated.push('severity');
    }
    if (fields.status && fields.status !== 'on_hold') {
      await setIncidentStatus(tx, { incidentId, status: fields.status, actorUserId: null });
      updated.push('status');
    }
    if (input.addArtifacts.length) {
      await attachArtifacts(
        tx,
        ctx.tenantId,
        incidentId,
        input.addArtifacts.map((a) => ({ type: a.type, value: a.value })),
      );
      updated.push('artifacts');
    }
    for (const t of input.mitreTechniques) {
      await addIncidentTag(tx, { incidentId, tag: `attack:${t}`, actorUserId: null });
    }
    if (input.mitreTechniques.length) updated.push('techniques');
    return { incidentId, updated };
  },
});
