import { Badge, type BadgeTone } from './badge';

export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';

export const SEVERITY_TONE: Record<Severity, BadgeTone> = {
  informational: 'neutral',
  low: 'info',
  medium: 'warning',
  high: 'danger',
  critical: 'critical',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{severity}</Badge>;
}
