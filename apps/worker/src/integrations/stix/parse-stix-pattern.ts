import { StixPatternError, type StixToken, tokenizeStixPattern } from './stix-pattern-lexer';

export type StixLiteral =
  | { kind: 'string' | 'timestamp' | 'hex' | 'binary'; value: string }
  | { kind: 'int' | 'float'; value: number }
  | { kind: 'bool'; value: boolean };

export type PathStep = { kind: 'property'; name: string } | { kind: 'index'; index: number | '*' };

export type ObjectPath = { objectType: string; steps: PathStep[] };

export type ComparisonOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'LIKE'
  | 'MATCHES'
  | 'ISSUBSET'
  | 'ISSUPERSET'
  | 'IN'
  | 'EXISTS';

export type ComparisonExpression =
  | {
      kind: 'comparison';
      path: ObjectPath;
      operator: ComparisonOperator;
      negated: boolean;
      values: StixLiteral[];
    }
  | { kind: 'and' | 'or'; left: ComparisonExpression; right: ComparisonExpression };

export type Qualifier =
  | { kind: 'within'; seconds: number }
  | { kind: 'repeats'; times: number }
  | { kind: 'start-stop'; start: string; stop: string };

export type ObservationExpression =
  | { kind: 'observation'; comparison: ComparisonExpression; qualifiers: Qualifier[] }
  | {
      kind: 'and' | 'or' | 'followedby';
      left: ObservationExpression;
      right: ObservationExpression;
      qualifiers: Qualifier[];
    };

const VALUE_OPERATORS = new Set(['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);

/**
 * Recursive-descent parser for STIX 2.1 patterns (the grammar of STIX 2.1 part 9):
 * observation expressions joined by AND / OR / FOLLOWEDBY with WITHIN / REPEATS / START-STOP
 * qualifiers, each `[...]` holding comparisons joined by AND / OR. Throws StixPatternError.
 */
export function parseStixPattern(src: string): ObservationExpression {
  const p = new Parser(tokenizeStixPattern(src));
  const expr = p.observations();
  p.expectEnd();
  return expr;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: StixToken[]) {}

  private peek(): StixToken {
    return this.tokens[this.i] as StixToken;
  }

  private next(): StixToken {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }

  private isWord(value: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.value === value;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.value === value;
  }

  private expectPunct(value: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== value) throw new StixPatternError(`expected '${value}'`, t.at);
  }

  private expectWord(value: string): void {
    const t = this.next();
    if (t.kind !== 'word' || t.value !== value) throw new StixPatternError(`expected ${value}`, t.at);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end') throw new StixPatternError('unexpected token after the pattern', t.at);
  }

  observations(): ObservationExpression {
    let left = this.observationOr();
    while (this.isWord('FOLLOWEDBY')) {
      this.next();
      left = { kind: 'followedby', left, right: this.observationOr(), qualifiers: [] };
    }
    return left;
  }

  private observationOr(): ObservationExpression {
    let left = this.observationAnd();
    while (this.isWord('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.observationAnd(), qualifiers: [] };
    }
    return left;
  }

  private observationAnd(): ObservationExpression {
    let left = this.qualified();
    while (this.isWord('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.qualified(), qualifiers: [] };
    }
    return left;
  }

  private qualified(): ObservationExpression {
    let expr: ObservationExpression;
    if (this.isPunct('[')) {
      this.next();
      expr = { kind: 'observation', comparison: this.comparisonOr(), qualifiers: [] };
      this.expectPunct(']');
    } else if (this.isPunct('(')) {
      this.next();
      expr = this.observations();
      this.expectPunct(')');
    } else {
      throw new StixPatternError("expected '[' or '('", this.peek().at);
    }
    for (let q = this.qualifier(); q; q = this.qualifier()) expr.qualifiers.push(q);
    return expr;
  }

  private qualifier(): Qualifier | null {
    if (this.isWord('WITHIN')) {
      this.next();
      const t = this.next();
      if ((t.kind !== 'int' && t.kind !== 'float') || t.value <= 0) {
        throw new StixPatternError('WITHIN needs a positive number', t.at);
      }
      this.expectWord('SECONDS');
      return { kind: 'within', seconds: t.value };
    }
    if (this.isWord('REPEATS')) {
      this.next();
      const t = this.next();
      if (t.kind !== 'int' || t.value <= 0)
        throw new StixPatternError('REPEATS needs a positive integer', t.at);
      this.expectWord('TIMES');
      return { kind: 'repeats', times: t.value };
    }
    if (this.isWord('START')) {
      this.next();
      const start = this.next();
      if (start.kind !== 'timestamp') throw new StixPatternError("START needs a t'...' timestamp", start.at);
      this.expectWord('STOP');
      const stop = this.next();
      if (stop.kind !== 'timestamp') throw new StixPatternError("STOP needs a t'...' timestamp", stop.at);
      return { kind: 'start-stop', start: start.value, stop: stop.value };
    }
    return null;
  }

  private comparisonOr(): ComparisonExpression {
    let left = this.comparisonAnd();
    while (this.isWord('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.comparisonAnd() };
    }
    return left;
  }

  private comparisonAnd(): ComparisonExpression {
    let left = this.propertyTest();
    while (this.isWord('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.propertyTest() };
    }
    return left;
  }

  private propertyTest(): ComparisonExpression {
    if (this.isPunct('(')) {
      this.next();
      const inner = this.comparisonOr();
      this.expectPunct(')');
      return inner;
    }
    if (this.isWord('EXISTS')) {
      this.next();
      return { kind: 'comparison', path: this.objectPath(), operator: 'EXISTS', negated: false, values: [] };
    }
    const path = this.objectPath();
    const negated = this.isWord('NOT');
    if (negated) this.next();
    const t = this.next();
    if (t.kind === 'op') {
      return { kind: 'comparison', path, operator: t.value, negated, values: [this.literal()] };
    }
    if (t.kind === 'word' && VALUE_OPERATORS.has(t.value)) {
      return { kind: 'comparison', path, operator: t.value as 'LIKE', negated, values: [this.literal()] };
    }
    if (t.kind === 'word' && t.value === 'IN') {
      this.expectPunct('(');
      const values = [this.literal()];
      while (this.isPunct(',')) {
        this.next();
        values.push(this.literal());
      }
      this.expectPunct(')');
      return { kind: 'comparison', path, operator: 'IN', negated, values };
    }
    throw new StixPatternError('expected a comparison operator', t.at);
  }

  private objectPath(): ObjectPath {
    const type = this.next();
    if (type.kind !== 'word' || !/^[a-z0-9][a-z0-9-]*$/.test(type.value)) {
      throw new StixPatternError('expected an object type', type.at);
    }
    this.expectPunct(':');
    const steps: PathStep[] = [{ kind: 'property', name: this.propertyName() }];
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        steps.push({ kind: 'property', name: this.propertyName() });
      } else if (this.isPunct('[')) {
        this.next();
        const t = this.next();
        if (t.kind === 'punct' && t.value === '*') steps.push({ kind: 'index', index: '*' });
        else if (t.kind === 'int' && t.value >= 0) steps.push({ kind: 'index', index: t.value });
        else throw new StixPatternError("expected a list index or '*'", t.at);
        this.expectPunct(']');
      } else {
        return { objectType: type.value, steps };
      }
    }
  }

  private propertyName(): string {
    const t = this.next();
    if (t.kind === 'word' || t.kind === 'string') return t.value;
    throw new StixPatternError('expected a property name', t.at);
  }

  private literal(): StixLiteral {
    const t = this.next();
    switch (t.kind) {
      case 'string':
      case 'timestamp':
      case 'hex':
      case 'binary':
      case 'int':
      case 'float':
        return { kind: t.kind, value: t.value } as StixLiteral;
      case 'word':
        if (t.value === 'true' || t.value === 'false') return { kind: 'bool', value: t.value === 'true' };
        break;
    }
    throw new StixPatternError('expected a literal value', t.at);
  }
}

/** `file:hashes.'SHA-256'` style text of a path (quoted when a name is not a plain identifier). */
export function objectPathText(path: ObjectPath): string {
  let out = `${path.objectType}:`;
  path.steps.forEach((s, n) => {
    if (s.kind === 'index') out += `[${s.index}]`;
    else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(s.name) ? s.name : `'${s.name.replace(/[\\']/g, '\\$&')}'`;
      out += n === 0 ? name : `.${name}`;
    }
  });
  return out;
}
