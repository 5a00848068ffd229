import { z } from 'zod';

export const ParamType = z.enum([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'ioc-list',
  'datetime',
]);
export type ParamType = z.infer<typeof ParamType>;

/** A typed IOC as exchanged between steps; kept local so the engine does not depend on the extractor. */
export const Ioc = z.object({ type: z.string().min(1), value: z.string().min(1) });
export type Ioc = z.infer<typeof Ioc>;

export const Param = z.strictObject({
  type: ParamType,
  required: z.boolean().default(false),
  default: z.unknown().optional(),
  description: z.string().optional(),
});
export type Param = z.infer<typeof Param>;

export const PARAM_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const ParamName = z
  .string()
  .regex(PARAM_NAME_RE, 'input names must be identifiers (letters, digits, _)');

export function paramSchema(type: ParamType): z.ZodType {
  switch (type) {
    case 'string':
      return z.string();
    case 'number':
      return z.number();
    case 'integer':
      return z.int();
    case 'boolean':
      return z.boolean();
    case 'object':
      return z.record(z.string(), z.unknown());
    case 'array':
      return z.array(z.unknown());
    case 'ioc-list':
      return z.array(Ioc);
    case 'datetime':
      return z.iso.datetime({ offset: true });
  }
}

export type ResolveInputsResult =
  | { ok: true; inputs: Record<string, unknown> }
  | { ok: false; errors: string[] };

/** Applies defaults and checks types of the inputs a run (or a calling step) provides. */
export function resolveInputs(
  params: Record<string, Param>,
  provided: Record<string, unknown>,
): ResolveInputsResult {
  const errors: string[] = [];
  const inputs: Record<string, unknown> = {};
  for (const name of Object.keys(provided)) {
    if (!Object.hasOwn(params, name)) errors.push(`unknown input '${name}'`);
  }
  for (const [name, param] of Object.entries(params)) {
    const value = provided[name] ?? param.default;
    if (value === undefined) {
      if (param.required) errors.push(`missing required input '${name}'`);
      continue;
    }
    const r = paramSchema(param.type).safeParse(value);
    if (!r.success)
      errors.push(`input '${name}' must be ${param.type}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    else inputs[name] = r.data;
  }
  return errors.length ? { ok: false, errors } : { ok: true, inputs };
}
