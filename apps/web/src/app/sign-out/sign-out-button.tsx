'use client';

import { signOut } from 'next-auth/react';

/** next-auth signs out with a CSRF-protected POST, so this is a button, not a link. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/sign-in' })}
      className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}
