import { describe, expect, it } from 'vitest';
import { validateDaemon } from './validate-daemon';

const ok = `name: fw
kind: syslog
schedule:
  listen: true
inputs:
  port: 5514
filter: format = 'cef'
mapping:
  title: cef.name
`;

describe('validateDaemon', () => {
  it('accepts a valid daemon and fills defaults', () => {
    const r = validateDaemon(ok);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.daemon.definition.rules).toEqual({ maxItemsPerRun: 1000, lookBack: 86_400_000 });
    expect(r.daemon.config).toMatchObject({ port: 5514, protocols: ['udp', 'tcp'], sources: [] });
  });

  it.each([
    ['unknown kind', ok.replace('kind: syslog', 'kind: nope'), 2, 7, "kind: unknown daemon kind 'nope'"],
    ['bad input', ok.replace('port: 5514', 'port: 70000'), 6, 9, 'inputs.port'],
    ['unknown field', `${ok}colour: red\n`, 10, 1, "unknown field 'colour'"],
    ['schedule vs kind', ok.replace('  listen: true', '  every: 5m'), 4, 3, "kind 'syslog' is a listener"],
    ['bad cron', ok.replace('  listen: true', "  cron: '61 * * * *'"), 4, 9, 'schedule'],
    ['jsonata syntax', ok.replace("format = 'cef'", "format = = 'cef'"), 7, 18, 'filter'],
    ['mapping syntax', ok.replace('title: cef.name', 'title: cef.name)'), 9, 18, 'mapping.title'],
    [
      'bad duration',
      ok.replace('  listen: true', '  every: soon'),
      4,
      10,
      "schedule.every: 'soon' is not a duration",
    ],
    ['yaml syntax', ok.replace('inputs:', 'inputs: [\n'), 8, 1, 'Flow sequence'],
  ])('%s: error at its line and column', (_, source, line, column, message) => {
    const r = validateDaemon(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line, column, message: expect.stringContaining(message) });
  });

  it('refuses a secret inline: secrets are references to integration credentials', () => {
    const r = validateDaemon(`${ok}secrets:\n  password: hunter2\n`);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        line: 11,
        column: 13,
        message: expect.stringContaining('secrets.password'),
      });
  });
});
