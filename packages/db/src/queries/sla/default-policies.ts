import type { Severity, SlaWeeklyHours } from '../../schema/index';
import type { SlaPolicyConfig } from './sla-policy-input';

const WARNINGS = [0.5, 0.75, 0.9];

/**
 * Out-of-the-box SLAs, used for any severity a tenant has not configured. Critical and high carry the
 * D3 rule: unassigned after 10 minutes → SOC management is notified at once (assign breach + 0).
 */
export const DEFAULT_SLA_POLICIES: Record<Severity, SlaPolicyConfig> = {
  critical: {
    severity: 'critical',
    enabled: true,
    assignMinutes: 10,
    resolveMinutes: 4 * 60,
    calendar: '24x7',
    warningFractions: WARNINGS,
    escalation: [
      { timer: 'assign', afterMinutes: 0, notify: ['soc_management'] },
      { timer: 'resolve', afterMinutes: 0, notify: ['assignee', 'soc_management'] },
      { timer: 'resolve', afterMinutes: 60, notify: ['escalation'] },
    ],
  },
  high: {
    severity: 'high',
    enabled: true,
    assignMinutes: 10,
    resolveMinutes: 8 * 60,
    calendar: '24x7',
    warningFractions: WARNINGS,
    escalation: [
      { timer: 'assign', afterMinutes: 0, notify: ['soc_management'] },
      { timer: 'resolve', afterMinutes: 0, notify: ['assignee', 'soc_management'] },
    ],
  },
  medium: {
    severity: 'medium',
    enabled: true,
    assignMinutes: 2 * 60,
    resolveMinutes: 3 * 8 * 60,
    calendar: 'business_hours',
    warningFractions: WARNINGS,
    escalation: [{ timer: 'resolve', afterMinutes: 0, notify: ['assignee'] }],
  },
  low: {
    severity: 'low',
    enabled: true,
    assignMinutes: 8 * 60,
    resolveMinutes: 5 * 8 * 60,
    calendar: 'business_hours',
    warningFractions: [0.75],
    escalation: [{ timer: 'resolve', afterMinutes: 0, notify: ['assignee'] }],
  },
  info: {
    severity: 'info',
    enabled: false,
    assignMinutes: null,
    resolveMinutes: null,
    calendar: 'business_hours',
    warningFractions: [],
    escalation: [],
  },
};

/** Monday to Friday, 09:00–17:00 in the tenant's timezone. */
export const DEFAULT_WEEKLY_HOURS: SlaWeeklyHours = {
  1: [['09:00', '17:00']],
  2: [['09:00', '17:00']],
  3: [['09:00', '17:00']],
  4: [['09:00', '17:00']],
  5: [['09:00', '17:00']],
  6: [],
  7: [],
};
