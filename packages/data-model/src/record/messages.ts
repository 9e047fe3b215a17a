import type { FieldDefinition, FieldType } from '../entity/entity-definition.js';
import type { RecordErrorCode } from './error-codes.js';

/** Details a message may quote. */
export interface MessageDetail {
  limit?: string | number;
  scale?: number;
  integerDigits?: number;
  currency?: string;
  allowed?: readonly string[];
  /** `option`: the value appears twice in a multiSelect. */
  duplicate?: boolean;
  /** Money: which part of the value the problem is in. */
  part?: 'amount' | 'currency';
  /** `unknownField`: the property name. */
  key?: string;
}

export interface Messages {
  message: string;
  messageZh: string;
}

/** What a message needs to know of a field. */
export type MessageField = Pick<FieldDefinition, 'type' | 'label' | 'patternHint'>;

const EXPECTED: Record<FieldType, [string, string]> = {
  text: ['text', '文本'],
  longText: ['text', '文本'],
  integer: ['a whole number', '整数'],
  decimal: ['a decimal number written as a string', '以字符串表示的数字'],
  percentage: ['a decimal number written as a string', '以字符串表示的数字'],
  money: ['an amount with a currency', '包含金额和币种的金额值'],
  boolean: ['true or false', 'true 或 false'],
  date: ['a date (YYYY-MM-DD)', '日期（YYYY-MM-DD）'],
  datetime: ['a date-time (YYYY-MM-DDTHH:mm:ss.sssZ)', '日期时间（YYYY-MM-DDTHH:mm:ss.sssZ）'],
  singleSelect: ['one of the options', '选项之一'],
  multiSelect: ['a list of options', '选项列表'],
  reference: ['a record id', '记录 ID'],
  email: ['an email address', '电子邮箱地址'],
  mobile: ['a mobile number', '手机号码'],
  residentId: ['a resident ID number', '居民身份证号码'],
  url: ['a web address', '网址'],
  autoNumber: ['a number the server assigns', '系统分配的编号'],
  json: ['a JSON value', 'JSON 值'],
};

const CURRENCY_EXPECTED: [string, string] = ['a currency code', '币种代码'];

const PART: Record<'amount' | 'currency', [string, string]> = {
  amount: ['amount', '金额'],
  currency: ['currency', '币种'],
};

function isDateLike(field: MessageField | undefined): boolean {
  return field?.type === 'date' || field?.type === 'datetime';
}

/** The English and Chinese message for one record error, naming the field by its label. */
export function recordMessage(
  code: RecordErrorCode,
  field: MessageField | undefined,
  detail: MessageDetail = {},
): Messages {
  const key = detail.key ?? '';
  if (field === undefined) {
    return code === 'unknownField'
      ? { message: `"${key}" is not a field of this entity`, messageZh: `"${key}" 不是该实体的字段` }
      : {
          message: 'The record must be an object of field values',
          messageZh: '记录必须是由字段值组成的对象',
        };
  }
  const en = field.label.en;
  const zh = field.label['zh-CN'];
  if (code === 'unknownField') {
    return { message: `"${key}" is not part of ${en}`, messageZh: `"${key}" 不属于${zh}` };
  }
  const limit = String(detail.limit ?? '');
  // Money: a missing or mistyped part is named; other problems are plainly about the field.
  if (detail.part && (code === 'required' || code === 'type')) {
    const [partEn, partZh] = PART[detail.part];
    if (code === 'required') {
      return {
        message: `${en} needs ${detail.part === 'amount' ? 'an' : 'a'} ${partEn}`,
        messageZh: `${zh}缺少${partZh}`,
      };
    }
    const [expected, expectedZh] = detail.part === 'amount' ? EXPECTED.decimal : CURRENCY_EXPECTED;
    return {
      message: `The ${partEn} of ${en} must be ${expected}`,
      messageZh: `${zh}的${partZh}必须是${expectedZh}`,
    };
  }
  switch (code) {
    case 'required':
      return { message: `${en} is required`, messageZh: `${zh}为必填项` };
    case 'type': {
      const [expected, expectedZh] = EXPECTED[field.type];
      return { message: `${en} must be ${expected}`, messageZh: `${zh}必须是${expectedZh}` };
    }
    case 'minLength':
      return {
        message: `${en} must be at least ${limit} characters long`,
        messageZh: `${zh}长度不能少于 ${limit} 个字符`,
      };
    case 'maxLength':
      return {
        message: `${en} must be at most ${limit} characters long`,
        messageZh: `${zh}长度不能超过 ${limit} 个字符`,
      };
    case 'pattern':
      // The analyst's words for the format, where they wrote some: a regular expression says nothing to the person typing.
      return field.patternHint
        ? { message: `${en} must be in the format: ${field.patternHint.en}`, messageZh: `${zh}格式应为：${field.patternHint['zh-CN']}` }
        : { message: `${en} is not in the required format`, messageZh: `${zh}格式不正确` };
    case 'minimum':
      return isDateLike(field)
        ? { message: `${en} must not be before ${limit}`, messageZh: `${zh}不能早于 ${limit}` }
        : { message: `${en} must be at least ${limit}`, messageZh: `${zh}不能小于 ${limit}` };
    case 'maximum':
      return isDateLike(field)
        ? { message: `${en} must not be after ${limit}`, messageZh: `${zh}不能晚于 ${limit}` }
        : { message: `${en} must be at most ${limit}`, messageZh: `${zh}不能大于 ${limit}` };
    case 'option':
      return detail.duplicate
        ? { message: `${en} lists the same option more than once`, messageZh: `${zh}包含重复的选项` }
        : { message: `${en} must be one of the listed options`, messageZh: `${zh}必须是列表中的选项` };
    case 'email':
      return { message: `${en} must be a valid email address`, messageZh: `${zh}必须是有效的电子邮箱地址` };
    case 'url':
      return {
        message: `${en} must be a valid web address starting with http:// or https://`,
        messageZh: `${zh}必须是以 http:// 或 https:// 开头的有效网址`,
      };
    case 'mobile':
      return {
        message: `${en} must be an 11-digit mainland China mobile number`,
        messageZh: `${zh}必须是 11 位中国大陆手机号码`,
      };
    case 'residentIdFormat':
      return {
        message: `${en} must be 17 digits followed by a digit or X`,
        messageZh: `${zh}格式不正确，应为 17 位数字加 1 位数字或 X`,
      };
    case 'residentIdChecksum':
      return {
        message: `${en} has a wrong check character (the last character)`,
        messageZh: `${zh}的校验码（最后一位）不正确`,
      };
    case 'residentIdBirthDate':
      return { message: `${en} contains an invalid date of birth`, messageZh: `${zh}中的出生日期无效` };
    case 'currency':
      return {
        message: `${en} is not a known ISO 4217 currency code`,
        messageZh: `${zh}不是有效的 ISO 4217 币种代码`,
      };
    case 'currencyNotAllowed': {
      const allowed = (detail.allowed ?? []).join(', ');
      return {
        message: `${en} may not be ${detail.currency ?? ''} (allowed: ${allowed})`,
        messageZh: `${zh}不允许使用 ${detail.currency ?? ''}（允许：${allowed}）`,
      };
    }
    case 'decimal':
      return {
        message: `${en} must be a number with exactly ${detail.scale ?? 0} decimal places, written as a string`,
        messageZh: `${zh}必须是保留 ${detail.scale ?? 0} 位小数的数字字符串`,
      };
    case 'decimalPrecision':
      return {
        message: `${en} is too large: at most ${detail.integerDigits ?? 0} digits before the decimal point`,
        messageZh: `${zh}超出范围：整数部分最多 ${detail.integerDigits ?? 0} 位`,
      };
    case 'date':
      return {
        message: `${en} must be a valid date (YYYY-MM-DD)`,
        messageZh: `${zh}必须是有效日期（YYYY-MM-DD）`,
      };
    case 'datetime':
      return {
        message: `${en} must be a valid UTC date-time (YYYY-MM-DDTHH:mm:ss.sssZ)`,
        messageZh: `${zh}必须是有效的 UTC 日期时间（YYYY-MM-DDTHH:mm:ss.sssZ）`,
      };
    case 'integer':
      return {
        message: `${en} must be a whole number between -9007199254740991 and 9007199254740991`,
        messageZh: `${zh}必须是 -9007199254740991 到 9007199254740991 之间的整数`,
      };
    case 'json':
      return { message: `${en} must be a JSON value`, messageZh: `${zh}必须是有效的 JSON 值` };
    case 'reference':
      return {
        message: `${en} must be a record id (1 to 36 letters, digits or hyphens)`,
        messageZh: `${zh}必须是记录 ID（1 到 36 位字母、数字或连字符）`,
      };
  }
}
