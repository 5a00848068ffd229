import Link from 'next/link';

const ROLE_LABEL: Record<string, string> = {
  mssp_admin: 'MSSP admin',
  analyst: 'Analyst',
  client_admin: 'Client admin',
  client_viewer: 'Client viewer',
};

export function UserMenu({ name, email, role }: { name: string | null; email: string; role: string }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-right leading-tight">
        <span className="block font-medium text-slate-900">{name ?? email}</span>
        <span className="block text-xs text-slate-500">{ROLE_LABEL[role] ?? role}</span>
      </span>
      <Link
        href="/sign-out"
        className="rounded-md border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50"
      >
        Sign out
      </Link>
    </div>
  );
}
