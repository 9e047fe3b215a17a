import type { DecisionTable, ItemDefinition } from '@bankforge/rule-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@bankforge/app-shell';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import type { FeelScope } from '../grid/cell-check.js';
import { columnName, problemText } from '../grid/messages.js';
import { columnAt } from '../grid/table-columns.js';
import { checkColumn, type ColumnField } from './column-check.js';
import { renameAnnotation, updateInput, updateOutput } from './column-edits.js';

/** FEEL's own types; a model's item definitions are offered after them. */
const FEEL_TYPES = ['string', 'number', 'boolean', 'date', 'time', 'date and time', 'days and time duration', 'years and months duration', 'Any'];

interface ColumnDialogProps {
  table: DecisionTable;
  column: number;
  scope: FeelScope;
  itemDefinitions: readonly ItemDefinition[];
  /** `label` groups the keystrokes of one property into one undo step. */
  onChange(change: (table: DecisionTable) => DecisionTable, label: string): void;
  onClose(): void;
}

/** A column's properties: an input's label, expression, type and allowed values; an output's name, label, type, allowed values and default. */
export function ColumnDialog({ table, column, scope, itemDefinitions, onChange, onClose }: ColumnDialogProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const ref = columnAt(table, column);
  if (ref === undefined) return null;
  const issues = checkColumn(table, ref, scope);
  const label = `column:${ref.part}:${ref.index}`;

  const text = (field: ColumnField | 'label' | 'annotationName', value: string, change: (value: string) => (table: DecisionTable) => DecisionTable, help?: string) => {
    const problems = issues.filter((issue) => issue.field === field);
    const inputId = `${id}-${field}`;
    const describedBy = [help ? `${inputId}-help` : '', problems.length > 0 ? `${inputId}-problems` : ''].filter(Boolean).join(' ');
    return (
      <div className="form-row">
        <label htmlFor={inputId}>{t(`columns.${field}`)}</label>
        <input
          id={inputId}
          value={value}
          spellCheck={false}
          aria-invalid={problems.some((p) => p.problem.severity === 'error') || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(change(event.target.value), `${label}:${field}`)}
        />
        {help && (
          <p id={`${inputId}-help`} className="help">
            {help}
          </p>
        )}
        {problems.length > 0 && (
          <ul id={`${inputId}-problems`} className="field-errors">
            {problems.map((p, i) => (
              <li key={i}>{problemText(t, p.problem)}</li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  const typeSelect = (value: string | undefined, change: (value: string) => (table: DecisionTable) => DecisionTable) => {
    const types = [...FEEL_TYPES, ...itemDefinitions.map((d) => d.name)];
    if (value && !types.includes(value)) types.push(value);
    return (
      <div className="form-row">
        <label htmlFor={`${id}-type`}>{t('columns.type')}</label>
        <select id={`${id}-type`} value={value ?? ''} onChange={(event) => onChange(change(event.target.value), `${label}:type`)}>
          <option value="">{t('columns.noType')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
    );
  };

  /** An input's expression in the FEEL editor, which marks its own syntax errors and unknown names; a missing expression is said under it. */
  const expression = (value: string, change: (value: string) => (table: DecisionTable) => DecisionTable) => {
    const required = issues.filter((issue) => issue.field === 'expression' && issue.problem.code === 'required');
    const helpId = `${id}-expression-help`;
    return (
      <div className="form-row">
        <FeelEditor
          label={t('columns.expression')}
          value={value}
          onChange={(next) => onChange(change(next), `${label}:expression`)}
          names={scope.known}
          multiWordNames={scope.multiWord}
          unknownNameText={(name) => problemText(t, { severity: 'warning', code: 'unknownName', name })}
          describedBy={required.length > 0 ? `${helpId} ${id}-expression-problems` : helpId}
          invalid={required.length > 0}
        />
        <p id={helpId} className="help">
          {t('columns.expressionHelp')}
        </p>
        {required.length > 0 && (
          <ul id={`${id}-expression-problems`} className="field-errors">
            <li>{problemText(t, required[0]!.problem)}</li>
          </ul>
        )}
      </div>
    );
  };

  let fields;
  if (ref.part === 'input') {
    const input = table.inputs[ref.index]!;
    const set = (change: Parameters<typeof updateInput>[2]) => (current: DecisionTable) => updateInput(current, ref.index, change);
    fields = (
      <>
        {text('label', input.label ?? '', (v) => set({ label: v }))}
        {expression(input.expression, (v) => set({ expression: v }))}
        {typeSelect(input.typeRef, (v) => set({ typeRef: v }))}
        {text('inputValues', input.inputValues ?? '', (v) => set({ inputValues: v }), t('columns.allowedHelp'))}
      </>
    );
  } else if (ref.part === 'output') {
    const output = table.outputs[ref.index]!;
    const set = (change: Parameters<typeof updateOutput>[2]) => (current: DecisionTable) => updateOutput(current, ref.index, change);
    fields = (
      <>
        {text('name', output.name ?? '', (v) => set({ name: v }), t('columns.nameHelp'))}
        {text('label', output.label ?? '', (v) => set({ label: v }))}
        {typeSelect(output.typeRef, (v) => set({ typeRef: v }))}
        {text('outputValues', output.outputValues ?? '', (v) => set({ outputValues: v }), t('columns.allowedHelp'))}
        {text('defaultOutputEntry', output.defaultOutputEntry ?? '', (v) => set({ defaultOutputEntry: v }))}
      </>
    );
  } else {
    fields = text('annotationName', table.annotations?.[ref.index] ?? '', (v) => (current) => renameAnnotation(current, ref.index, v));
  }

  return (
    <Dialog title={t('columns.dialogTitle', { title: columnName(t, table, column) })} onClose={onClose}>
      {fields}
      <div className="button-row">
        <button type="button" className="primary" onClick={onClose}>
          {t('columns.done')}
        </button>
      </div>
    </Dialog>
  );
}
