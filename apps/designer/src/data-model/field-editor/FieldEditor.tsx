import type { ProblemFieldError } from '@bankforge/client';
import {
  FIELD_TYPES,
  isIndexable,
  optionApplies,
  type FieldDefinition,
  type FieldType,
} from '@bankforge/data-model';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemsUnder } from '../../shell/api/problems.js';
import { CheckboxControl, ListControl, NumberControl, SelectControl, TextControl } from '../controls/Controls.js';
import { renameKey, withProperty, withText } from '../entity-document/entity-edits.js';
import { boundKind, retype, withPatternHint } from '../entity-document/field-options.js';
import { DefaultValueControl } from './DefaultValueControl.js';
import { NumberingControl } from './NumberingControl.js';
import { OptionsEditor } from './OptionsEditor.js';

export interface FieldEditorProps {
  field: FieldDefinition;
  index: number;
  /** Keys of the entities a reference may point at. */
  entityKeys: readonly string[];
  /** The entity's other fields: what this one may be derived from. */
  otherFields: readonly FieldDefinition[];
  problems: readonly ProblemFieldError[];
  /** Applies a change to this field; changes with one label coalesce into one undo step. */
  onChange: (change: (field: FieldDefinition) => FieldDefinition, label?: string) => void;
  /** Puts the cursor in the key box (after the field was added). */
  focusKey?: boolean;
}

/** Every property of one field, the type-specific ones only for the types they apply to. */
export function FieldEditor({ field, index, entityKeys, otherFields, problems, onChange, focusKey }: FieldEditorProps) {
  const { t, i18n } = useTranslation('dataModel');
  const keyInput = useRef<HTMLInputElement | null>(null);
  const base = `/fields/${index}`;
  const at = (name: string) => `${base}/${name}`;
  const problemsOf = (name: string) => problemsUnder(problems, at(name));
  // Edits of one property of one field coalesce into one undo step (labels use the stable id).
  const label = (name: string) => `field:${field.id}:${name}`;
  const set = <K extends keyof FieldDefinition>(name: K, value: FieldDefinition[K] | undefined, coalesce = true) =>
    onChange((f) => withProperty(f, name, value), coalesce ? label(name) : undefined);

  useEffect(() => {
    if (focusKey) keyInput.current?.focus();
  }, [focusKey, field.id]);

  const shown = new Set(['key', 'label', 'type', 'description', 'required', 'unique', 'indexed', 'sensitive', 'default', 'minLength', 'maxLength', 'min', 'max', 'pattern', 'precision', 'scale', 'currencies', 'options', 'display', 'reference', 'derivedFrom']);
  // The numbering pattern and the pattern's hint have controls of their own below.
  shown.add('numbering').add('patternHint');
  // Problems about the field as a whole, or about a property with no control here, show at the top.
  const general = problemsUnder(problems, base).filter((p) => !shown.has(p.path.slice(base.length + 1).split('/')[0] ?? ''));
  const bounds = boundKind(field.type);

  return (
    <div className="field-editor">
      {general.length > 0 && (
        <ul className="field-errors">
          {general.map((p, i) => (
            <li key={i}>{problemMessage(p, i18n.language)}</li>
          ))}
        </ul>
      )}
      <TextControl label={t('field.key')} help={t('field.keyHelp')} value={field.key} spellCheck={false} problems={problemsOf('key')} inputRef={(el) => (keyInput.current = el)} onChange={(v) => onChange((f) => renameKey(f, v), label('key'))} />
      <div className="form-pair">
        <TextControl label={t('field.labelEn')} lang="en" value={field.label.en} problems={problemsOf('label/en')} onChange={(v) => onChange((f) => ({ ...f, label: withText(f.label, 'en', v) }), label('label.en'))} />
        <TextControl label={t('field.labelZh')} lang="zh-CN" value={field.label['zh-CN']} problems={problemsOf('label/zh-CN')} onChange={(v) => onChange((f) => ({ ...f, label: withText(f.label, 'zh-CN', v) }), label('label.zh'))} />
      </div>
      <SelectControl
        label={t('field.type')}
        help={t('field.typeHelp')}
        value={field.type}
        problems={problemsOf('type')}
        choices={FIELD_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        onChange={(type) => onChange((f) => retype(f, type as FieldType))}
      />
      <TextControl label={t('field.description')} multiline value={field.description ?? ''} problems={problemsOf('description')} onChange={(v) => set('description', v)} />
      <div className="check-row">
        <CheckboxControl label={t('field.required')} checked={field.required === true} problems={problemsOf('required')} onChange={(v) => set('required', v || undefined, false)} />
        {isIndexable(field.type) && (
          <>
            <CheckboxControl label={t('field.unique')} checked={field.unique === true} problems={problemsOf('unique')} onChange={(v) => set('unique', v || undefined, false)} />
            <CheckboxControl label={t('field.indexed')} checked={field.indexed === true} problems={problemsOf('indexed')} onChange={(v) => set('indexed', v || undefined, false)} />
          </>
        )}
        {optionApplies('sensitive', field.type) && (
          <CheckboxControl label={t('field.sensitive')} help={t('field.sensitiveHelp')} checked={field.sensitive === true} problems={problemsOf('sensitive')} onChange={(v) => set('sensitive', v || undefined, false)} />
        )}
      </div>
      {optionApplies('minLength', field.type) && (
        <div className="form-pair">
          <NumberControl label={t('field.minLength')} min={0} value={field.minLength} problems={problemsOf('minLength')} onChange={(v) => set('minLength', v)} />
          <NumberControl label={t('field.maxLength')} min={1} value={field.maxLength} problems={problemsOf('maxLength')} onChange={(v) => set('maxLength', v)} />
        </div>
      )}
      {bounds !== null && (
        <div className="form-pair">
          {(['min', 'max'] as const).map((name) =>
            bounds === 'integer' ? (
              <NumberControl key={name} label={t(`field.${name}`)} value={typeof field[name] === 'number' ? (field[name] as number) : undefined} problems={problemsOf(name)} onChange={(v) => set(name, v)} />
            ) : (
              <TextControl
                key={name}
                label={t(`field.${name}`)}
                type={bounds === 'date' ? 'date' : 'text'}
                inputMode={bounds === 'decimal' ? 'decimal' : undefined}
                placeholder={bounds === 'datetime' ? '2026-01-31T09:00:00Z' : undefined}
                value={field[name] === undefined ? '' : String(field[name])}
                problems={problemsOf(name)}
                onChange={(v) => set(name, v)}
              />
            ),
          )}
        </div>
      )}
      {optionApplies('pattern', field.type) && <TextControl label={t('field.pattern')} spellCheck={false} value={field.pattern ?? ''} problems={problemsOf('pattern')} onChange={(v) => set('pattern', v)} />}
      {optionApplies('patternHint', field.type) && field.pattern !== undefined && (
        <div className="form-pair">
          <TextControl label={t('field.patternHintEn')} help={t('field.patternHintHelp')} lang="en" value={field.patternHint?.en ?? ''} problems={problemsOf('patternHint/en')} onChange={(v) => onChange((f) => withPatternHint(f, 'en', v), label('patternHint.en'))} />
          <TextControl label={t('field.patternHintZh')} lang="zh-CN" value={field.patternHint?.['zh-CN'] ?? ''} problems={problemsOf('patternHint/zh-CN')} onChange={(v) => onChange((f) => withPatternHint(f, 'zh-CN', v), label('patternHint.zh'))} />
        </div>
      )}
      {optionApplies('numbering', field.type) && <NumberingControl value={field.numbering ?? ''} problems={problemsOf('numbering')} onChange={(v) => set('numbering', v)} />}
      {optionApplies('precision', field.type) && (
        <div className="form-pair">
          <NumberControl label={t('field.precision')} min={1} value={field.precision} problems={problemsOf('precision')} onChange={(v) => set('precision', v)} />
          <NumberControl label={t('field.scale')} min={0} value={field.scale} problems={problemsOf('scale')} onChange={(v) => set('scale', v)} />
        </div>
      )}
      {optionApplies('currencies', field.type) && (
        <ListControl label={t('field.currencies')} help={t('field.currenciesHelp')} uppercase value={field.currencies} problems={problemsOf('currencies')} onChange={(v) => set('currencies', v)} />
      )}
      {optionApplies('reference', field.type) && (
        <SelectControl
          label={t('field.reference')}
          value={field.reference?.entity ?? ''}
          problems={problemsOf('reference')}
          choices={[{ value: '', label: t('field.chooseEntity') }, ...entityKeys.map((key) => ({ value: key, label: key }))]}
          onChange={(entity) => set('reference', entity === '' ? undefined : { entity }, false)}
        />
      )}
      {optionApplies('display', field.type) && (
        <CheckboxControl label={t('field.showAsTags')} help={t('field.showAsTagsHelp')} checked={field.display === 'tags'} problems={problemsOf('display')} onChange={(v) => set('display', v ? 'tags' : undefined, false)} />
      )}
      {optionApplies('options', field.type) && (
        <OptionsEditor colors={field.display === 'tags'} options={field.options ?? []} path={at('options')} problems={problems} onChange={(options, optionLabel) => onChange((f) => ({ ...f, options }), optionLabel && label(optionLabel))} />
      )}
      <SelectControl
        label={t('field.derivedFrom')}
        help={t('field.derivedFromHelp')}
        value={field.derivedFrom ?? ''}
        problems={problemsOf('derivedFrom')}
        choices={[
          { value: '', label: t('field.notDerived') },
          // The label in the analyst's language, and the key it is stored by.
          ...otherFields.map((other) => ({ value: other.key, label: `${(i18n.language === 'zh-CN' ? other.label['zh-CN'] : other.label.en) || other.key} (${other.key})` })),
        ]}
        onChange={(key) => set('derivedFrom', key === '' ? undefined : key, false)}
      />
      <DefaultValueControl field={field} problems={problemsOf('default')} onChange={(v) => set('default', v)} />
    </div>
  );
}
