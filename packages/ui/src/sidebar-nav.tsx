import type { ComponentType, ReactNode } from 'react';
import { cx } from './cx';

export interface SidebarNavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface NavLinkProps {
  href: string;
  className: string;
  'aria-current'?: 'page';
  children: ReactNode;
}

export interface SidebarNavProps {
  items: readonly SidebarNavItem[];
  /** The router's link component (next/link); a plain anchor by default. */
  linkAs?: ComponentType<NavLinkProps>;
  label?: string;
}

const Anchor = ({ children, ...props }: NavLinkProps) => <a {...props}>{children}</a>;

export function SidebarNav({ items, linkAs: Link = Anchor, label = 'Main' }: SidebarNavProps) {
  return (
    <nav aria-label={label}>
      <ul className="space-y-0.5">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
              className={cx(
                'block rounded-md px-3 py-2 text-sm transition-colors',
                item.current
                  ? 'bg-[var(--shell-accent,#334155)] font-medium text-white'
                  : 'opacity-80 hover:bg-white/10 hover:opacity-100',
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
