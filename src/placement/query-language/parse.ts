import { SYMBOL_OPERATORS, WORD_OPERATORS, type Expression, type Operator, type Subject } from './ast.js';

export type ParseResult = { ok: true; expression: Expression } | { ok: false; column: number; message: string };

/** ECS limits a memberOf expression to 2000 characters. */
export const MAX_EXPRESSION_LENGTH = 2000;

class SyntaxError_ {
  constructor(readonly column: number, readonly message: string) {}
}

/**
 * Parses a cluster query language expression. Precedence: `not`/`!` binds tightest, then
 * `and`/`&&`, then `or`/`||`; parentheses group. A syntax error names its 1-based column.
 */
export function parseExpression(text: string): ParseResult {
  if (text.length > MAX_EXPRESSION_LENGTH) return { ok: false, column: MAX_EXPRESSION_LENGTH + 1, message: `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters` };
  const parser = new Parser(text);
  try {
    const expression = parser.parseOr();
    parser.skipSpace();
    if (!parser.atEnd()) parser.fail(`unexpected "${parser.peekWord() || parser.rest()[0]}"`);
    return { ok: true, expression };
  } catch (error) {
    if (error instanceof SyntaxError_) return { ok: false, column: error.column, message: error.message };
    throw error;
  }
}

const WORD = /^[^\s()[\],=!<>&|]+/;

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseOr(): Expression {
    let left = this.parseAnd();
    while (this.takeConnective('||', 'or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    while (this.takeConnective('&&', 'and')) left = { kind: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): Expression {
    this.skipSpace();
    if (this.rest().startsWith('!') && !this.rest().startsWith('!=')) {
      this.pos++;
      return { kind: 'not', expression: this.parseNot() };
    }
    if (/^not\s*\(/.test(this.rest()) || /^not\s+/.test(this.rest())) {
      this.pos += 3;
      return { kind: 'not', expression: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expression {
    this.skipSpace();
    if (this.rest().startsWith('(')) {
      this.pos++;
      const inner = this.parseOr();
      this.skipSpace();
      if (!this.rest().startsWith(')')) this.fail('expected ")"');
      this.pos++;
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): Expression {
    this.skipSpace();
    const subjectColumn = this.pos;
    const word = this.takeWord();
    if (!word) this.fail(this.atEnd() ? 'expected a subject such as attribute:ecs.instance-type' : `unexpected "${this.rest()[0]}"`);
    const subject = parseSubject(word!);
    if (!subject) this.failAt(subjectColumn, `unknown subject "${word}"; expected attribute:<name>, ec2InstanceId, agentConnected, agentVersion, registeredAt, runningTasksCount or task:group`);
    const operator = this.takeOperator();
    if (!operator) this.fail(`expected an operator after "${word}"`);
    if (operator === 'exists' || operator === '!exists') return { kind: 'compare', subject: subject!, operator };
    if (operator === 'in' || operator === '!in') return { kind: 'compare', subject: subject!, operator, list: this.takeList() };
    this.skipSpace();
    const argColumn = this.pos;
    const argument = operator === '=~' || operator === '!~' ? this.takeRegex() : this.takeWord();
    if (!argument) this.fail(`expected a value after "${operator}"`);
    if (operator === '=~' || operator === '!~') {
      try {
        return { kind: 'compare', subject: subject!, operator, argument, regex: new RegExp(`^(?:${argument})$`) };
      } catch {
        this.failAt(argColumn, `invalid regular expression "${argument}"`);
      }
    }
    return { kind: 'compare', subject: subject!, operator, argument };
  }

  private takeOperator(): Operator | undefined {
    this.skipSpace();
    const rest = this.rest();
    const symbol = SYMBOL_OPERATORS.find((op) => rest.startsWith(op));
    if (symbol) {
      this.pos += symbol.length;
      return symbol;
    }
    const bang = /^!(exists|in)\b/.exec(rest);
    if (bang) {
      this.pos += bang[0].length;
      return bang[1] === 'exists' ? '!exists' : '!in';
    }
    const word = WORD.exec(rest)?.[0];
    if (word && Object.hasOwn(WORD_OPERATORS, word)) {
      this.pos += word.length;
      return WORD_OPERATORS[word];
    }
    return undefined;
  }

  private takeList(): string[] {
    this.skipSpace();
    if (!this.rest().startsWith('[')) this.fail('expected a list such as [a, b]');
    this.pos++;
    const values: string[] = [];
    for (;;) {
      this.skipSpace();
      const value = this.takeWord();
      if (!value) this.fail('expected a value in the list');
      values.push(value!);
      this.skipSpace();
      if (this.rest().startsWith(',')) {
        this.pos++;
        continue;
      }
      if (this.rest().startsWith(']')) {
        this.pos++;
        return values;
      }
      this.fail('expected "," or "]"');
    }
  }

  /** A regex argument runs to the next space; a trailing ")" that closes an outer group is not part of it. */
  private takeRegex(): string | undefined {
    const raw = /^\S+/.exec(this.rest())?.[0];
    if (!raw) return undefined;
    let text = raw;
    const depth = (s: string) => [...s].reduce((d, c) => d + (c === '(' ? 1 : c === ')' ? -1 : 0), 0);
    while (text.endsWith(')') && depth(text) < 0) text = text.slice(0, -1);
    this.pos += text.length;
    return text;
  }

  private takeWord(): string | undefined {
    const rest = this.rest();
    const quoted = /^(["'])(.*?)\1/.exec(rest);
    if (quoted) {
      this.pos += quoted[0].length;
      return quoted[2];
    }
    const word = WORD.exec(rest)?.[0];
    if (word) this.pos += word.length;
    return word;
  }

  private takeConnective(symbol: string, word: string): boolean {
    this.skipSpace();
    const rest = this.rest();
    if (rest.startsWith(symbol)) {
      this.pos += symbol.length;
      return true;
    }
    if (new RegExp(`^${word}(?=[\\s(!]|$)`).test(rest)) {
      this.pos += word.length;
      return true;
    }
    return false;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  rest(): string {
    return this.text.slice(this.pos);
  }

  peekWord(): string | undefined {
    return WORD.exec(this.rest())?.[0];
  }

  fail(message: string): never {
    throw new SyntaxError_(this.pos + 1, message);
  }

  private failAt(pos: number, message: string): never {
    throw new SyntaxError_(pos + 1, message);
  }
}

function parseSubject(word: string): Subject | undefined {
  if (word.startsWith('attribute:') && word.length > 'attribute:'.length) return { kind: 'attribute', name: word.slice('attribute:'.length) };
  switch (word) {
    case 'ec2InstanceId':
    case 'agentConnected':
    case 'agentVersion':
    case 'registeredAt':
    case 'runningTasksCount':
      return { kind: word };
    case 'task:group':
      return { kind: 'taskGroup' };
    default:
      return undefined;
  }
}
