import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type ActionContext,
  type ActionHandler,
  type ActionHandlers,
  createRegistry,
  DuplicateActionError,
  defineAction,
  invokeAction,
} from './action-registry';
import { emailSend } from './actions/email-send';
import { type builtinActions, builtinRegistry } from './builtin-actions';

const ctx: ActionContext = {
  tenantId: 't',
  runId: 'r',
  stepId: 's',
  attempt: 1,
  idempotencyKey: 'r:s',
  signal: new AbortController().signal,
};

describe('action registry', () => {
  it('holds every built-in contract named in the brief', () => {
    expect(builtinRegistry.list().map((a) => a.id)).toEqual([
      'ioc.extract',
      'incident.update',
      'incident.assign',
      'incident.comment',
      'incident.tag',
      'incident.link',
      'list.lookup',
      'list.add',
      'enrich.artifact',
      'enrich.incident',
      'var.set',
      'http.request',
      'email.send',
      'notify.tier1',
      'sla.start',
      'sla.stop',
      'siem.close_alert',
      'report.generate',
    ]);
    expect(builtinRegistry.get('email.send')?.sideEffects).toBe(true);
    expect(builtinRegistry.get('ioc.extract')?.sideEffects).toBe(false);
  });

  it('refuses two contracts with one id', () => {
    expect(() => createRegistry([emailSend, emailSend])).toThrow(DuplicateActionError);
  });

  it('types handlers from the contracts', () => {
    type Handlers = ActionHandlers<typeof builtinActions>;
    expectTypeOf<keyof Handlers>().toEqualTypeOf<(typeof builtinActions)[number]['id']>();
    expectTypeOf<Parameters<ActionHandler<typeof emailSend>>[0]['to']>().toEqualTypeOf<string[]>();
  });
});

describe('invokeAction', () => {
  const double = defineAction({
    id: 'math.double',
    description: 'doubles',
    input: z.strictObject({ n: z.number() }),
    output: z.object({ n: z.number() }),
    sideEffects: false,
  });

  it('validates input and output around the handler', async () => {
    expect(
      await invokeAction(double, async (i) => ({ n: (i as { n: number }).n * 2 }), { n: 2 }, ctx),
    ).toEqual({
      ok: true,
      output: { n: 4 },
    });
    expect(await invokeAction(double, async () => ({ n: 1 }), { n: 'x' }, ctx)).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/^invalid input: n: /),
    });
    expect(await invokeAction(double, async () => ({ n: 'nope' }), { n: 1 }, ctx)).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/^invalid output: n: /),
    });
  });

  it('reports a thrown handler error as retryable', async () => {
    const r = await invokeAction(
      double,
      async () => {
        throw new Error('ECONNRESET');
      },
      { n: 1 },
      ctx,
    );
    expect(r).toEqual({ ok: false, error: 'ECONNRESET', retryable: true });
  });
});
