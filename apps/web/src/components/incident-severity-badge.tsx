import type { Severity as DbSeverity } from '@palisade/db/schema';
import { type Severity, SeverityBadge } from '@palisade/ui/severity-badge';

// The database says `info` (as @palisade/ioc does); the UI badge names it `informational`.
const UI_SEVERITY: Record<DbSeverity, Severity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'informational',
};

export function IncidentSeverityBadge({ severity }: { severity: DbSeverity }) {
  return <SeverityBadge severity={UI_SEVERITY[severity]} />;
}
