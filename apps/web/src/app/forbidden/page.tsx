import { forbidden } from 'next/navigation';

/** Target of proxy.ts's rewrite: always the 403 page, with status 403. */
export default function ForbiddenPage() {
  forbidden();
}
