import { Badge } from '@palisade/ui/badge';

export function TenantStatusBadge({ status }: { status: 'active' | 'suspended' }) {
  return <Badge tone={status === 'active' ? 'success' : 'warning'}>{status}</Badge>;
}
