'use client';

import { useActionState } from 'react';
import { type AcceptState, acceptInvitationAction } from './accept-invitation-action';

const input = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

/** Name (invitations only), new password and its confirmation. */
export function AcceptForm({
  token,
  askName,
  minLength,
}: {
  token: string;
  askName: boolean;
  minLength: number;
}) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(
    acceptInvitationAction.bind(null, token),
    { error: null, problems: [], name: '' },
  );
  return (
    <form action={action} className="space-y-4">
      {askName ? (
        <label className="block text-sm font-medium text-slate-700">
          Your name
          <input
            name="name"
            required
            maxLength={200}
            autoComplete="name"
            defaultValue={state.name}
            className={input}
          />
        </label>
      ) : null}
      <label className="block text-sm font-medium text-slate-700">
        New password
        <input
          name="password"
          type="password"
          required
          minLength={minLength}
          autoComplete="new-password"
          className={input}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Repeat the password
        <input name="confirm" type="password" required autoComplete="new-password" className={input} />
      </label>
      <p className="text-xs text-slate-500">
        At least {minLength} characters, not your email address, not a common password.
      </p>
      {state.error ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {state.error}
          {state.problems.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {state.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-50"
      >
        {pending ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}
