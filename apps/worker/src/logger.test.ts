import { expect, it } from 'vitest';
import { captureLogs } from '../test/capture-logs';

it('censors secrets at the top level and nested, and keeps other fields', () => {
  const { logger, lines } = captureLogs();
  logger.info(
    {
      password: 'hunter2',
      apiKey: 'k-1',
      req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'set-cookie': 'sid=2' } },
      integration: { token: 't-1' },
      tenant_id: 'tenant-a',
    },
    'request',
  );
  const [line] = lines();
  expect(JSON.stringify(line)).not.toMatch(/hunter2|k-1|Bearer abc|sid=1|sid=2|t-1/);
  expect(line).toMatchObject({
    password: '[redacted]',
    apiKey: '[redacted]',
    req: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]' } },
    integration: { token: '[redacted]' },
    tenant_id: 'tenant-a',
    msg: 'request',
  });
});
