import { ProblemError, type ProblemFieldError } from '../problem/problem-error.js';

/** A text in the bank's two languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** What each schema rule (the stable field-error code) says, after the field's name. */
const RULES: Record<string, Bilingual> = {
  required: { en: 'is required', zh: '为必填项' },
  unknownField: { en: 'is not a known property', zh: '不是可识别的属性' },
  type: { en: 'has the wrong type', zh: '类型不正确' },
  option: { en: 'is not one of the allowed values', zh: '不是允许的取值' },
  minLength: { en: 'is too short', zh: '太短' },
  maxLength: { en: 'is too long', zh: '太长' },
  minItems: { en: 'has too few items', zh: '项目太少' },
  maxItems: { en: 'has too many items', zh: '项目太多' },
  uniqueItems: { en: 'lists an item twice', zh: '有重复的项目' },
  pattern: { en: 'is not in the expected format', zh: '格式不正确' },
};

/**
 * What a schema rule says on its own, beside the control at its path rather than after a field's
 * name ("Must not be empty." / "不能为空。"), naming the limit it was checked against or the values
 * it allows when the check knows them; undefined for a rule without words.
 */
export function ruleSaidAlone(code: string, known: { limit?: number; allowed?: string } = {}): Bilingual | undefined {
  const { limit, allowed } = known;
  if (code === 'minLength' && (limit === undefined || limit <= 1)) return { en: 'Must not be empty.', zh: '不能为空。' };
  if (limit !== undefined) {
    if (code === 'minLength') return { en: `Must be at least ${limit} characters.`, zh: `至少需要 ${limit} 个字符。` };
    if (code === 'maxLength') return { en: `Must be at most ${limit} characters.`, zh: `最多 ${limit} 个字符。` };
    if (code === 'minimum') return { en: `Must be at least ${limit}.`, zh: `不能小于 ${limit}。` };
    if (code === 'maximum') return { en: `Must be at most ${limit}.`, zh: `不能大于 ${limit}。` };
    if (code === 'minItems') return { en: `Needs at least ${limit} ${limit === 1 ? 'item' : 'items'}.`, zh: `至少需要 ${limit} 项。` };
    if (code === 'maxItems') return { en: `Takes at most ${limit} ${limit === 1 ? 'item' : 'items'}.`, zh: `最多 ${limit} 项。` };
  }
  if (code === 'option' && allowed) return { en: `Must be one of ${allowed}.`, zh: `须为以下之一：${allowed}。` };
  const rule = RULES[code];
  return rule && { en: `${rule.en.charAt(0).toUpperCase()}${rule.en.slice(1)}.`, zh: `${rule.zh}。` };
}

export interface FieldWording {
  /** The field as people call it: "Username" / "用户名". */
  name: Bilingual;
  /** What a `pattern` failure means for this field, said after its name ("must be a user's id"). */
  pattern?: Bilingual;
}

/**
 * A request check whose field errors speak the bank's two languages: each error of a 422 gets
 * `message` and `messageZh` naming the field as people call it (by the first segment of its path)
 * and what is wrong with it. Paths and codes stay as the check made them: clients branch on those.
 */
export function withBilingualErrors<T>(parse: (body: unknown) => T, fields: Readonly<Record<string, FieldWording>>): (body: unknown) => T {
  return (body: unknown): T => {
    try {
      return parse(body);
    } catch (error) {
      if (!(error instanceof ProblemError) || !error.errors) throw error;
      throw new ProblemError(error.status, error.code, error.detail, error.errors.map((e) => bilingualError(e, fields)), error.extra, error.headers);
    }
  };
}

/** One field error said in both languages (unchanged when it already is, or its field is not known). */
export function bilingualError(error: ProblemFieldError, fields: Readonly<Record<string, FieldWording>>): ProblemFieldError {
  if (error.messageZh) return error;
  const field = fields[`/${error.path.split('/')[1] ?? ''}`];
  if (!field) return error;
  const rule = (error.code === 'pattern' ? field.pattern : undefined) ?? RULES[error.code] ?? { en: 'is not valid', zh: '无效' };
  return { ...error, message: `${field.name.en} ${rule.en}.`, messageZh: `${field.name.zh}${rule.zh}。` };
}
