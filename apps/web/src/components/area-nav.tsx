'use client';

import { type NavLinkProps, SidebarNav } from '@palisade/ui/sidebar-nav';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

export interface AreaNavProps {
  items: readonly { href: string; label: string }[];
  /** The area's root (/console, /portal): current only on an exact match. */
  root: string;
  label: string;
}

const NextLink = ({ children, ...props }: NavLinkProps) => <Link {...props}>{children}</Link>;

/** Marks the current page and keeps the console's ?tenant= filter across navigation. */
export function AreaNav({ items, root, label }: AreaNavProps) {
  const pathname = usePathname();
  const tenant = useSearchParams().get('tenant');
  const withFilter = (href: string) => (tenant ? `${href}?tenant=${encodeURIComponent(tenant)}` : href);
  return (
    <SidebarNav
      label={label}
      linkAs={NextLink}
      items={items.map((item) => ({
        href: withFilter(item.href),
        label: item.label,
        current: item.href === root ? pathname === root : pathname.startsWith(item.href),
      }))}
    />
  );
}
