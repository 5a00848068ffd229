import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from './sign-out-button';

export const metadata: Metadata = { title: 'Sign out' };

export default function SignOutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm space-y-4 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">Sign out of Palisade?</h1>
        <SignOutButton />
        <Link href="/" className="block text-center text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </main>
  );
}
