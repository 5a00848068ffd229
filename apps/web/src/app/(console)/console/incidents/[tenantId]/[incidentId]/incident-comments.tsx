'use client';

import { Badge } from '@palisade/ui/badge';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { StaffIncident } from './incident-detail';
import { type IncidentKey, useRefreshIncident } from './use-refresh-incident';

export interface IncidentCommentsProps {
  incidentKey: IncidentKey;
  comments: StaffIncident['comments'];
}

/** Internal notes and comments shared with the client (shown in its portal), oldest first. */
export function IncidentComments({ incidentKey, comments }: IncidentCommentsProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident(incidentKey);
  const comment = useMutation(trpc.incident.comment.mutationOptions({ onSuccess: () => refresh() }));
  const [body, setBody] = useState('');
  const send = (visibility: 'internal' | 'shared') =>
    comment.mutate({ ...incidentKey, body, visibility }, { onSuccess: () => setBody('') });

  return (
    <SectionCard title="Comments">
      <ul className="mb-4 space-y-3">
        {comments.map((c) => (
          <li
            key={c.id}
            className={`rounded-md border p-3 text-sm ${c.visibility === 'shared' ? 'border-sky-200 bg-sky-50' : 'border-slate-200'}`}
          >
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <span className="font-medium text-slate-900">{c.authorName ?? 'Palisade'}</span>
              <Badge tone={c.visibility === 'shared' ? 'info' : 'neutral'}>
                {c.visibility === 'shared' ? 'shared with client' : 'internal'}
              </Badge>
              <span>{formatTime(c.createdAt)}</span>
            </div>
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send('internal');
        }}
        className="space-y-2"
      >
        <label htmlFor="incident-comment" className="block text-xs font-medium text-slate-600">
          Comment
        </label>
        <textarea
          id="incident-comment"
          value={body}
          rows={3}
          maxLength={10_000}
          onChange={(e) => setBody(e.target.value)}
          className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={comment.isPending || !body.trim()}
            className="rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white disabled:opacity-40"
          >
            Add internal comment
          </button>
          <button
            type="button"
            disabled={comment.isPending || !body.trim()}
            onClick={() => send('shared')}
            className="rounded-md border border-sky-700 px-3 py-1 text-sm font-medium text-sky-800 disabled:opacity-40"
          >
            Share with client
          </button>
        </div>
        {comment.error ? (
          <p role="alert" className="text-sm text-red-700">
            {comment.error.message}
          </p>
        ) : null}
      </form>
    </SectionCard>
  );
}
