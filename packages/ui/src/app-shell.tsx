import type { ReactNode } from 'react';

export interface AppShellProps {
  /** Product or tenant name shown at the top of the sidebar. */
  brand: ReactNode;
  sidebar: ReactNode;
  /** Right side of the top bar: filters, user menu. */
  topBar?: ReactNode;
  children: ReactNode;
}

/**
 * Sidebar + top bar + content. Colours come from CSS variables so the portal can
 * re-skin it per tenant: --shell-sidebar-bg, --shell-sidebar-fg, --shell-accent.
 */
export function AppShell({ brand, sidebar, topBar, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen bg-slate-50 text-slate-900">
      <aside className="flex w-60 shrink-0 flex-col bg-[var(--shell-sidebar-bg,#0f172a)] text-[var(--shell-sidebar-fg,#e2e8f0)]">
        <div className="flex h-14 items-center gap-2 px-4 text-base font-semibold">{brand}</div>
        <div className="flex-1 overflow-y-auto px-2 py-2">{sidebar}</div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-end gap-4 border-b border-slate-200 bg-white px-6">
          {topBar}
        </header>
        <main className="flex-1 px-6 py-6">{children}</main>
      </div>
    </div>
  );
}
