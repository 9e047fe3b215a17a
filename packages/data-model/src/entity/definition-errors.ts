import type { FieldError } from './entity-definition.js';

/** The stable codes entity-definition validation reports. */
export const DEFINITION_ERROR_CODES = [
  // From the artifact's JSON Schema.
  'required',
  'unknownProperty',
  'type',
  'invalidValue',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'invalid',
  // From the rules a schema cannot express.
  'reservedKey',
  'duplicateKey',
  'duplicateId',
  'notApplicable',
  'optionsRequired',
  'duplicateOption',
  'referenceRequired',
  'invalidPattern',
  'numberingRequired',
  'invalidNumbering',
  'autoNumberUnique',
  'lengthRange',
  'maxLengthTooLarge',
  'precision',
  'scale',
  'invalidBound',
  'boundRange',
  'currency',
  'notIndexable',
  'currencyColumnCollision',
  'blindIndexColumnCollision',
  'invalidDefault',
  'unknownSourceField',
  'titleField',
  'duplicateIndexKey',
  'unknownIndexField',
  'indexFieldType',
  'indexTooLong',
] as const;

export type DefinitionErrorCode = (typeof DEFINITION_ERROR_CODES)[number];

export interface DefinitionDetail {
  /** The property concerned (last path token for schema errors). */
  name?: string;
  /** The field's key, when known. */
  field?: string;
  value?: string | number;
  limit?: string | number;
  allowed?: string;
  type?: string;
  /** invalidDefault, invalidPattern, invalidNumbering: what is wrong, in both languages. */
  reason?: { en: string; zh: string };
}

function subject(d: DefinitionDetail): [string, string] {
  return d.field === undefined ? ['', ''] : [`Field "${d.field}": `, `字段 "${d.field}"：`];
}

function texts(code: DefinitionErrorCode, d: DefinitionDetail): [string, string] {
  const name = d.name ?? '';
  const value = String(d.value ?? '');
  const limit = String(d.limit ?? '');
  switch (code) {
    case 'required':
      return [`"${name}" is required`, `缺少必填属性 "${name}"`];
    case 'unknownProperty':
      return [`"${name}" is not a property of this artifact`, `"${name}" 不是该制品可用的属性`];
    case 'type':
      return [`"${name}" must be of type ${d.type ?? ''}`, `"${name}" 的类型必须是 ${d.type ?? ''}`];
    case 'invalidValue':
      return [
        `"${name}" must be one of: ${d.allowed ?? ''}`,
        `"${name}" 必须是以下值之一：${d.allowed ?? ''}`,
      ];
    case 'pattern':
      return [`"${name}" must match ${d.allowed ?? ''}`, `"${name}" 必须符合格式 ${d.allowed ?? ''}`];
    case 'minLength':
      return [
        `"${name}" must be at least ${limit} characters long`,
        `"${name}" 长度不能少于 ${limit} 个字符`,
      ];
    case 'maxLength':
      return [`"${name}" must be at most ${limit} characters long`, `"${name}" 长度不能超过 ${limit} 个字符`];
    case 'minimum':
      return [`"${name}" must be at least ${limit}`, `"${name}" 不能小于 ${limit}`];
    case 'maximum':
      return [`"${name}" must be at most ${limit}`, `"${name}" 不能大于 ${limit}`];
    case 'minItems':
      return [`"${name}" must have at least ${limit} item(s)`, `"${name}" 至少需要 ${limit} 项`];
    case 'maxItems':
      return [`"${name}" may have at most ${limit} item(s)`, `"${name}" 最多只能有 ${limit} 项`];
    case 'uniqueItems':
      return [`"${name}" lists the same item twice`, `"${name}" 包含重复项`];
    case 'invalid':
      return [`"${name}" is invalid`, `"${name}" 无效`];
    case 'reservedKey':
      return [`the key "${value}" is reserved for a system column`, `键 "${value}" 是系统字段保留的名称`];
    case 'duplicateKey':
      return [`the key "${value}" is used by another field`, `键 "${value}" 已被其他字段使用`];
    case 'duplicateId':
      return [`the id "${value}" is used by another field`, `ID "${value}" 已被其他字段使用`];
    case 'notApplicable':
      return [
        `"${name}" does not apply to ${d.type ?? ''} fields`,
        `"${name}" 不适用于 ${d.type ?? ''} 类型的字段`,
      ];
    case 'optionsRequired':
      return [
        `a ${d.type ?? ''} field needs at least one option`,
        `${d.type ?? ''} 类型的字段至少需要一个选项`,
      ];
    case 'duplicateOption':
      return [`the option value "${value}" appears twice`, `选项值 "${value}" 重复`];
    case 'referenceRequired':
      return [`a reference field must name the entity it refers to`, `引用字段必须指定所引用的实体`];
    case 'invalidPattern':
      return d.reason === undefined
        ? [`"${value}" is not a valid regular expression`, `"${value}" 不是有效的正则表达式`]
        : [`"${value}" cannot be used as a pattern: ${d.reason.en}`, `"${value}" 不能用作模式：${d.reason.zh}`];
    case 'numberingRequired':
      return [`an autoNumber field needs a numbering pattern, such as LA{yyyyMM}{seq:6}`, `自动编号字段需要编号规则，例如 LA{yyyyMM}{seq:6}`];
    case 'invalidNumbering':
      return [`"${value}" cannot be used as a numbering pattern: ${d.reason?.en ?? ''}`, `"${value}" 不能用作编号规则：${d.reason?.zh ?? ''}`];
    case 'autoNumberUnique':
      return [`an autoNumber field is unique: set unique`, `自动编号字段必须唯一：请勾选唯一`];
    case 'lengthRange':
      return [
        `minLength (${value}) is greater than maxLength (${limit})`,
        `最小长度（${value}）大于最大长度（${limit}）`,
      ];
    case 'maxLengthTooLarge':
      return [
        `maxLength may be at most ${limit} for ${d.type ?? ''} fields`,
        `${d.type ?? ''} 类型字段的最大长度不能超过 ${limit}`,
      ];
    case 'precision':
      return [`precision must be between 1 and 30`, `精度必须在 1 到 30 之间`];
    case 'scale':
      return [
        `scale must be between 0 and the precision (${limit})`,
        `小数位数必须在 0 到精度（${limit}）之间`,
      ];
    case 'invalidBound':
      return [`"${name}" is not a valid ${d.type ?? ''} value`, `"${name}" 不是有效的 ${d.type ?? ''} 值`];
    case 'boundRange':
      return [`min (${value}) is greater than max (${limit})`, `最小值（${value}）大于最大值（${limit}）`];
    case 'currency':
      return [
        `"${value}" is not an active ISO 4217 currency code`,
        `"${value}" 不是有效的 ISO 4217 币种代码`,
      ];
    case 'notIndexable':
      return [`${d.type ?? ''} fields cannot be ${name}`, `${d.type ?? ''} 类型的字段不能设置 ${name}`];
    case 'currencyColumnCollision':
      return [
        `the currency column "${value}" of this money field clashes with another field's key`,
        `该金额字段的币种列 "${value}" 与其他字段的键冲突`,
      ];
    case 'blindIndexColumnCollision':
      return [
        `the blind index column "${value}" of this sensitive field clashes with another field's key`,
        `该敏感字段的盲索引列 "${value}" 与其他字段的键冲突`,
      ];
    case 'invalidDefault':
      return [`the default value is invalid: ${d.reason?.en ?? ''}`, `默认值无效：${d.reason?.zh ?? ''}`];
    case 'unknownSourceField':
      return [`derivedFrom names "${value}", which is not another field of this entity`, `derivedFrom 指向的 "${value}" 不是本实体的其他字段`];
    case 'titleField':
      return value === ''
        ? [`the title template names no field: write at least one as {field_key}`, `标题模板未引用任何字段：至少写一个 {字段键}`]
        : d.type === undefined
          ? [`the title template names "${value}", which is not a field of this entity`, `标题模板中的 "${value}" 不是本实体的字段`]
          : [`the title template cannot show "${value}", a ${d.type} field: use text, number or date fields`, `标题模板不能显示 ${d.type} 类型的字段 "${value}"：请使用文本、数字或日期字段`];
    case 'duplicateIndexKey':
      return [`the index key "${value}" is used by another index`, `索引键 "${value}" 已被其他索引使用`];
    case 'unknownIndexField':
      return [`the index names "${value}", which is not a field of this entity`, `索引中的 "${value}" 不是本实体的字段`];
    case 'indexFieldType':
      return d.type === 'sensitive'
        ? [`the index cannot hold "${value}": sensitive values are encrypted and do not sort (exact lookups use their blind index)`, `索引不能包含 "${value}"：敏感字段加密存储，无法排序（精确查找使用其盲索引）`]
        : [`the index cannot hold "${value}", a ${d.type ?? ''} field`, `索引不能包含 ${d.type ?? ''} 类型的字段 "${value}"`];
    case 'indexTooLong':
      return [
        `the index's columns take up to ${value} bytes, more than the ${limit} a database index holds: drop a field or shorten a text field's maxLength`,
        `索引的列最多占 ${value} 字节，超过数据库索引允许的 ${limit} 字节：请去掉一个字段或缩短文本字段的最大长度`,
      ];
  }
}

export function definitionError(
  path: string,
  code: DefinitionErrorCode,
  detail: DefinitionDetail = {},
): FieldError {
  const [en, zh] = texts(code, detail);
  const [subjectEn, subjectZh] = subject(detail);
  const message = subjectEn ? subjectEn + en : en.charAt(0).toUpperCase() + en.slice(1);
  return { path, code, message, messageZh: subjectZh + zh };
}
