import type { LocalizedText } from '@bankforge/data-model';

/** The languages the renderer speaks. */
export type RendererLocale = 'en' | 'zh-CN';

/** The renderer's own words (everything not taken from the form or entity definitions). */
export interface RendererMessages {
  addRow: string;
  removeRow: string;
  /** Accessible name of a row's remove button: the visible text plus the row number. */
  removeRowNumber(row: number): string;
  /** Accessible name of a cell's input in a repeating group. */
  cellLabel(column: string, row: number): string;
  rowNumber: string;
  actions: string;
  noRows: string;
  yes: string;
  no: string;
  loading: string;
  select: string;
  noOptions: string;
  currency: string;
  invalidJson: string;
  invalidNumber: string;
  invalidInteger: string;
  tooManyDecimals(scale: number): string;
  submit: string;
  errorSummary: string;
  errorCount(count: number): string;
  /** Shown in an auto-numbered field of a record not saved yet. */
  assignedOnSave: string;
  /** A typed date that names no day; `format` is how to write one. */
  invalidDate(format: string): string;
  /** The calendar of a date field: its button, its steps and its close button. */
  chooseDate: string;
  previousYear: string;
  previousMonth: string;
  nextMonth: string;
  nextYear: string;
  close: string;
}

export const RENDERER_MESSAGES: Readonly<Record<RendererLocale, RendererMessages>> = {
  en: {
    addRow: 'Add row',
    removeRow: 'Remove row',
    removeRowNumber: (row) => `Remove row ${row}`,
    cellLabel: (column, row) => `${column}, row ${row}`,
    rowNumber: 'No.',
    actions: 'Actions',
    noRows: 'No rows yet.',
    yes: 'Yes',
    no: 'No',
    loading: 'Loading…',
    select: 'Select…',
    noOptions: 'No options',
    currency: 'Currency',
    invalidJson: 'Invalid JSON',
    invalidNumber: 'Enter a number',
    invalidInteger: 'Enter a whole number',
    tooManyDecimals: (scale) => `Use at most ${scale} decimal places`,
    submit: 'Submit',
    errorSummary: 'Please correct the following:',
    errorCount: (count) => (count === 1 ? '1 error' : `${count} errors`),
    assignedOnSave: 'Assigned on save',
    invalidDate: (format) => `Enter a date as ${format}`,
    chooseDate: 'Choose a date',
    previousYear: 'Previous year',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    nextYear: 'Next year',
    close: 'Close',
  },
  'zh-CN': {
    addRow: '添加行',
    removeRow: '删除行',
    removeRowNumber: (row) => `删除行 ${row}`,
    cellLabel: (column, row) => `${column}，第 ${row} 行`,
    rowNumber: '序号',
    actions: '操作',
    noRows: '暂无数据。',
    yes: '是',
    no: '否',
    loading: '加载中…',
    select: '请选择…',
    noOptions: '无可选项',
    currency: '币种',
    invalidJson: 'JSON 格式无效',
    invalidNumber: '请输入数字',
    invalidInteger: '请输入整数',
    tooManyDecimals: (scale) => `最多 ${scale} 位小数`,
    submit: '提交',
    errorSummary: '请更正以下问题：',
    errorCount: (count) => `${count} 个错误`,
    assignedOnSave: '保存时自动编号',
    invalidDate: (format) => `请按 ${format} 输入日期`,
    chooseDate: '选择日期',
    previousYear: '上一年',
    previousMonth: '上个月',
    nextMonth: '下个月',
    nextYear: '下一年',
    close: '关闭',
  },
};

/** A definition's text in the renderer's language. */
export function localized(text: LocalizedText, locale: RendererLocale): string {
  return text[locale];
}
