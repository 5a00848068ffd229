'use client';

import { incidentStatus, type Severity, severityLevel } from '@palisade/db/schema';
import { INCIDENT_STATUS_LABEL } from '@palisade/ui/incident-status-badge';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { ActionForm, actionControl } from './action-form';
import type { StaffIncident } from './incident-detail';
import { type IncidentKey, useRefreshIncident } from './use-refresh-incident';

export interface IncidentActionsProps {
  incidentKey: IncidentKey;
  incident: StaffIncident['incident'];
  assignees: StaffIncident['assignees'];
  me: { userId: string };
}

/** Assign, status, severity and tag forms; each change is audited and lands in the timeline. */
export function IncidentActions({ incidentKey, incident, assignees, me }: IncidentActionsProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident(incidentKey);
  const options = { onSuccess: () => refresh() };
  const assign = useMutation(trpc.incident.assign.mutationOptions(options));
  const setStatus = useMutation(trpc.incident.setStatus.mutationOptions(options));
  const setSeverity = useMutation(trpc.incident.setSeverity.mutationOptions(options));
  const addTag = useMutation(trpc.incident.addTag.mutationOptions(options));
  const busy = assign.isPending || setStatus.isPending || setSeverity.isPending || addTag.isPending;
  const error = assign.error ?? setStatus.error ?? setSeverity.error ?? addTag.error;

  const [assignee, setAssignee] = useState(incident.assigneeUserId ?? '');
  const [status, setStatusValue] = useState<string>(incident.status);
  const [severity, setSeverityValue] = useState<string>(incident.severity);
  const [tag, setTag] = useState('');
  const canTakeIt = assignees.some((a) => a.id === me.userId) && incident.assigneeUserId !== me.userId;

  return (
    <SectionCard title="Actions">
      <div className="space-y-4 text-sm">
        <ActionForm
          id="incident-assignee"
          label="Assignee"
          submitLabel="Assign"
          submitDisabled={busy}
          onSubmit={() => assign.mutate({ ...incidentKey, assigneeUserId: assignee || null })}
          control={
            <select
              id="incident-assignee"
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              className={actionControl}
            >
              <option value="">unassigned</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          }
        >
          {canTakeIt ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setAssignee(me.userId);
                assign.mutate({ ...incidentKey, assigneeUserId: me.userId });
              }}
              className="text-sm text-sky-800 hover:underline disabled:opacity-40"
            >
              Assign to me
            </button>
          ) : null}
        </ActionForm>

        <ActionForm
          id="incident-status"
          label="Status"
          submitLabel="Set status"
          submitDisabled={busy || status === incident.status}
          onSubmit={() =>
            setStatus.mutate({ ...incidentKey, status: status as (typeof incidentStatus.enumValues)[number] })
          }
          control={
            <select
              id="incident-status"
              value={status}
              onChange={(e) => setStatusValue(e.target.value)}
              className={actionControl}
            >
              {incidentStatus.enumValues.map((s) => (
                <option key={s} value={s}>
                  {INCIDENT_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          }
        />

        <ActionForm
          id="incident-severity"
          label="Severity"
          submitLabel="Set severity"
          submitDisabled={busy || severity === incident.severity}
          onSubmit={() => setSeverity.mutate({ ...incidentKey, severity: severity as Severity })}
          control={
            <select
              id="incident-severity"
              value={severity}
              onChange={(e) => setSeverityValue(e.target.value)}
              className={actionControl}
            >
              {severityLevel.enumValues.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          }
        />

        <ActionForm
          id="incident-tag"
          label="Tag"
          submitLabel="Add tag"
          submitDisabled={busy || !tag.trim()}
          onSubmit={() => addTag.mutate({ ...incidentKey, tag }, { onSuccess: () => setTag('') })}
          control={
            <input
              id="incident-tag"
              value={tag}
              maxLength={64}
              onChange={(e) => setTag(e.target.value)}
              placeholder="e.g. phishing"
              className={actionControl}
            />
          }
        />

        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error.message}
          </p>
        ) : null}
      </div>
    </SectionCard>
  );
}
