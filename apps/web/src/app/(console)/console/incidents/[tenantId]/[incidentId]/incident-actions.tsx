'use client';

import { incidentStatus, type Severity, severityLevel } from '@palisade/db/schema';
import { INCIDENT_STATUS_LABEL } from '@palisade/ui/incident-status-badge';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import type { StaffIncident } from './incident-detail';
import { type IncidentKey, useRefreshIncident } from './use-refresh-incident';

const control = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';
const button =
  'shrink-0 rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-40';

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
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate({ ...incidentKey, assigneeUserId: assignee || null });
          }}
        >
          <label htmlFor="incident-assignee" className="block text-xs font-medium text-slate-600">
            Assignee
          </label>
          <div className="flex gap-2">
            <select
              id="incident-assignee"
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              className={control}
            >
              <option value="">unassigned</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy} className={button}>
              Assign
            </button>
          </div>
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
        </form>

        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            setStatus.mutate({
              ...incidentKey,
              status: status as (typeof incidentStatus.enumValues)[number],
            });
          }}
        >
          <label htmlFor="incident-status" className="block text-xs font-medium text-slate-600">
            Status
          </label>
          <div className="flex gap-2">
            <select
              id="incident-status"
              value={status}
              onChange={(e) => setStatusValue(e.target.value)}
              className={control}
            >
              {incidentStatus.enumValues.map((s) => (
                <option key={s} value={s}>
                  {INCIDENT_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || status === incident.status} className={button}>
              Set status
            </button>
          </div>
        </form>

        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            setSeverity.mutate({ ...incidentKey, severity: severity as Severity });
          }}
        >
          <label htmlFor="incident-severity" className="block text-xs font-medium text-slate-600">
            Severity
          </label>
          <div className="flex gap-2">
            <select
              id="incident-severity"
              value={severity}
              onChange={(e) => setSeverityValue(e.target.value)}
              className={control}
            >
              {severityLevel.enumValues.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || severity === incident.severity} className={button}>
              Set severity
            </button>
          </div>
        </form>

        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            addTag.mutate({ ...incidentKey, tag }, { onSuccess: () => setTag('') });
          }}
        >
          <label htmlFor="incident-tag" className="block text-xs font-medium text-slate-600">
            Tag
          </label>
          <div className="flex gap-2">
            <input
              id="incident-tag"
              value={tag}
              maxLength={64}
              onChange={(e) => setTag(e.target.value)}
              placeholder="e.g. phishing"
              className={control}
            />
            <button type="submit" disabled={busy || !tag.trim()} className={button}>
              Add tag
            </button>
          </div>
        </form>

        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error.message}
          </p>
        ) : null}
      </div>
    </SectionCard>
  );
}
