'use client';

import { KeyReveal } from '@palisade/ui/key-reveal';
import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => undefined;

/** The key shown once, with a curl example against this very server. */
export function RevealedKey({ sourceName, apiKey }: { sourceName: string; apiKey: string }) {
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => '',
  );
  const curl = [
    `curl -X POST '${origin}/api/ingest/v1/alerts' \\`,
    `  -H 'Authorization: Bearer ${apiKey}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"title":"Test alert","severity":"high","host":"ws-01","description":"beacon to 203.0.113.9"}'`,
  ].join('\n');
  return (
    <KeyReveal label={`API key for ${sourceName}`} secret={apiKey}>
      <p className="mb-1">Send a test alert:</p>
      <pre className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
        {curl}
      </pre>
    </KeyReveal>
  );
}
