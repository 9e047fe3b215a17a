/**
 * Maps the conditions BPMN modelers write for Java engines (`${amount > 1000}`,
 * `test.contains("a")`, `!approved && level == 2`) to FEEL. Only the subset that maps cleanly:
 * literals, variables and paths, comparison, arithmetic, `&& || !`, and the string methods
 * `contains`, `startsWith`, `endsWith`, `equals`. Anything else is refused (the importer reports
 * it) rather than guessed.
 */
import { compileExpression } from '@bankforge/rule-engine';

export class ConditionMappingError extends Error {
  override readonly name = 'ConditionMappingError';
}

type Tok = { k: 'str' | 'num' | 'id' | 'op'; v: string };

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '+', '-', '*', '/', '(', ')', ',', '.'];

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = '';
      while (j < text.length && text.charAt(j) !== c) {
        if (text.charAt(j) === '\\') j++;
        v += text.charAt(j);
        j++;
      }
      if (j >= text.length) throw new ConditionMappingError(`unterminated string in ${text}`);
      out.push({ k: 'str', v });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (num !== null) {
      out.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][\w$]*/.exec(text.slice(i));
    if (id !== null) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ConditionMappingError(`unexpected "${c}" in ${text}`);
    out.push({ k: 'op', v: op });
    i += op.length;
  }
  return out;
}

const METHODS: Record<string, (target: string, args: string[]) => string> = {
  contains: (t, a) => `contains(${t}, ${a[0] ?? '""'})`,
  startsWith: (t, a) => `starts with(${t}, ${a[0] ?? '""'})`,
  endsWith: (t, a) => `ends with(${t}, ${a[0] ?? '""'})`,
  equals: (t, a) => `(${t} = ${a[0] ?? 'null'})`,
};

class JavaCondition {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly text: string,
  ) {}

  parse(): string {
    const e = this.or();
    if (this.i < this.toks.length) this.fail();
    return e;
  }

  private fail(): never {
    throw new ConditionMappingError(`cannot map the condition ${this.text} to FEEL`);
  }

  private peek(v: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.k === 'op' && t.v === v;
  }

  private take(v: string): boolean {
    if (!this.peek(v)) return false;
    this.i++;
    return true;
  }

  private or(): string {
    let e = this.and();
    while (this.take('||')) e = `${e} or ${this.and()}`;
    return e;
  }

  private and(): string {
    let e = this.cmp();
    while (this.take('&&')) e = `${e} and ${this.cmp()}`;
    return e;
  }

  private cmp(): string {
    const left = this.add();
    for (const [java, feel] of [['==', '='], ['!=', '!='], ['<=', '<='], ['>=', '>='], ['<', '<'], ['>', '>']] as const) {
      if (this.take(java)) return `${left} ${feel} ${this.add()}`;
    }
    return left;
  }

  private add(): string {
    let e = this.mul();
    for (;;) {
      if (this.take('+')) e = `${e} + ${this.mul()}`;
      else if (this.take('-')) e = `${e} - ${this.mul()}`;
      else return e;
    }
  }

  private mul(): string {
    let e = this.unary();
    for (;;) {
      if (this.take('*')) e = `${e} * ${this.unary()}`;
      else if (this.take('/')) e = `${e} / ${this.unary()}`;
      else return e;
    }
  }

  private unary(): string {
    if (this.take('!')) return `not(${this.unary()})`;
    if (this.take('-')) return `-${this.unary()}`;
    return this.primary();
  }

  private primary(): string {
    const t = this.toks[this.i++];
    if (t === undefined) return this.fail();
    if (t.k === 'str') return JSON.stringify(t.v);
    if (t.k === 'num') return t.v;
    if (t.k === 'op') {
      if (t.v !== '(') return this.fail();
      const e = this.or();
      if (!this.take(')')) this.fail();
      return `(${e})`;
    }
    let path = t.v;
    while (this.take('.')) {
      const name = this.toks[this.i++];
      if (name?.k !== 'id') return this.fail();
      if (this.take('(')) {
        const method = METHODS[name.v];
        if (method === undefined) return this.fail();
        const args: string[] = [];
        if (!this.take(')')) {
          do args.push(this.or());
          while (this.take(','));
          if (!this.take(')')) this.fail();
        }
        path = method(path, args);
      } else path = `${path}.${name.v}`;
    }
    if (this.peek('(')) this.fail();
    return path;
  }
}

/** Java/JUEL-style conditions that differ from FEEL (FEEL text passes through unchanged). */
const JAVA_ONLY = /&&|\|\||==|!(?!=)|[\w)]\s*\.\s*[A-Za-z_]\w*\s*\(/;

/**
 * The FEEL form of a BPMN condition text. `names` are the variables in scope (for the FEEL
 * check). Throws ConditionMappingError when the text is neither FEEL nor the Java subset.
 */
export function conditionToFeel(text: string, names: Iterable<string>): string {
  let body = text.trim();
  const wrapped = /^[$#]\{([\s\S]*)\}$/.exec(body);
  if (wrapped !== null) body = (wrapped[1] ?? '').trim();
  if (body === '') throw new ConditionMappingError('empty condition');
  const feel = JAVA_ONLY.test(body) ? new JavaCondition(tokenize(body), text).parse() : body;
  try {
    compileExpression(feel, { names: [...names] });
  } catch (e) {
    throw new ConditionMappingError(`the condition ${text} is not valid FEEL (${feel}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return feel;
}
