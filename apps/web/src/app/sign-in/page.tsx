import type { Metadata } from 'next';
import { env } from '@/env';
import { signInErrorMessage } from '@/shared/sign-in-error';
import { safeCallbackUrl } from './safe-callback-url';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">Sign in to Palisade</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">MSSP staff and client users sign in here.</p>
        <SignInForm
          callbackUrl={safeCallbackUrl(params.callbackUrl)}
          initialError={signInErrorMessage(error)}
          oidcEnabled={Boolean(env.oidc)}
        />
      </div>
    </main>
  );
}
