import { describe, expect, it } from 'vitest';
import { canTransition, isReopen } from './incident-lifecycle';

describe('incident lifecycle', () => {
  it.each([
    ['new', 'assigned', true, true],
    ['new', 'assigned', false, false],
    ['new', 'in_progress', false, true],
    ['assigned', 'in_progress', true, true],
    ['in_progress', 'resolved', true, true],
    ['resolved', 'closed', true, true],
    ['new', 'resolved', false, true],
    ['closed', 'in_progress', true, true],
    ['resolved', 'new', false, true],
    ['in_progress', 'new', true, false],
    ['closed', 'resolved', true, false],
    ['new', 'new', false, false],
    ['in_progress', 'waiting_on_client', true, true],
    ['new', 'waiting_on_client', false, true],
    ['waiting_on_client', 'in_progress', true, true],
    ['waiting_on_client', 'resolved', true, true],
    ['waiting_on_client', 'new', false, false],
    ['resolved', 'waiting_on_client', true, false],
    ['closed', 'waiting_on_client', true, false],
  ] as const)('%s → %s (assignee: %s) allowed: %s', (from, to, assignee, allowed) => {
    expect(canTransition(from, to, assignee)).toBe(allowed);
  });

  it('calls only moves out of resolved/closed back to open a reopen', () => {
    expect(isReopen('closed', 'in_progress')).toBe(true);
    expect(isReopen('resolved', 'closed')).toBe(false);
    expect(isReopen('in_progress', 'new')).toBe(false);
  });
});
