'use client';

import { Badge } from '@palisade/ui/badge';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import { emailFrameHtml } from './email-frame-html';
import { OUTBOX_STATUS_TONE } from './status-tone';

/** One message: headers, delivery record, the HTML in a sandboxed frame or the plain text; retry if failed. */
export function MessageViewer({
  tenantId,
  messageId,
  nonce,
  onClose,
}: {
  tenantId: string;
  messageId: string;
  nonce: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [view, setView] = useState<'html' | 'text'>('html');
  const message = useQuery(
    trpc.notifications.get.queryOptions(
      { tenantId, messageId },
      // Only a message still being delivered changes: poll it until it settles.
      { refetchInterval: (q) => (q.state.data?.status === 'pending' ? 5000 : false) },
    ),
  );
  const retry = useMutation(
    trpc.notifications.retry.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notifications.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
        ]),
    }),
  );
  const html = message.data?.html;
  const srcDoc = useMemo(() => (html ? emailFrameHtml(html, nonce) : null), [html, nonce]);
  const m = message.data;

  return (
    <SectionCard
      title="Message"
      actions={
        <button type="button" onClick={onClose} className="text-sm text-slate-600 hover:underline">
          Close
        </button>
      }
    >
      {message.error ? (
        <p role="alert" className="text-sm text-red-700">
          {message.error.message}
        </p>
      ) : null}
      {!m ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : (
        <div className="space-y-3 text-sm">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-500">Subject</dt>
            <dd className="font-medium">{m.subject}</dd>
            <dt className="text-slate-500">To</dt>
            <dd>{m.to.join(', ')}</dd>
            {m.cc.length > 0 ? (
              <>
                <dt className="text-slate-500">Cc</dt>
                <dd>{m.cc.join(', ')}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Status</dt>
            <dd className="flex items-center gap-2">
              <Badge tone={OUTBOX_STATUS_TONE[m.status]}>{m.status}</Badge>
              {m.deliveredVia ? (
                <span>via {m.deliveredVia === 'resend' ? 'Resend' : 'built-in outbox'}</span>
              ) : null}
              <span className="text-slate-500">
                {m.attempts} attempt{m.attempts === 1 ? '' : 's'}
                {m.lastAttemptAt ? `, last ${formatTime(m.lastAttemptAt)}` : ''}
              </span>
            </dd>
            {m.error ? (
              <>
                <dt className="text-slate-500">Last error</dt>
                <dd className="text-red-700">{m.error}</dd>
              </>
            ) : null}
            {m.providerMessageId ? (
              <>
                <dt className="text-slate-500">Provider id</dt>
                <dd>
                  <code className="text-xs">{m.providerMessageId}</code>
                </dd>
              </>
            ) : null}
          </dl>
          {m.status === 'failed' ? (
            <div className="flex items-center gap-2">
              <button
                type="button"
                disabled={retry.isPending}
                onClick={() => retry.mutate({ tenantId, messageId })}
                className="rounded bg-sky-700 px-3 py-1 text-white disabled:opacity-40"
              >
                {retry.isPending ? 'Retrying…' : 'Retry delivery'}
              </button>
              {retry.error ? (
                <span role="alert" className="text-red-700">
                  {retry.error.message}
                </span>
              ) : null}
            </div>
          ) : null}
          <div role="tablist" className="flex gap-2">
            {(['html', 'text'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                onClick={() => setView(v)}
                className={`rounded px-3 py-1 ${view === v ? 'bg-sky-700 text-white' : 'border border-slate-300'}`}
              >
                {v === 'html' ? 'HTML' : 'Plain text'}
              </button>
            ))}
          </div>
          {view === 'html' && srcDoc ? (
            <iframe
              title={`Email: ${m.subject}`}
              sandbox=""
              srcDoc={srcDoc}
              className="h-[32rem] w-full rounded border border-slate-200 bg-white"
            />
          ) : (
            <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-3 text-xs">
              {m.text}
            </pre>
          )}
        </div>
      )}
    </SectionCard>
  );
}
