import { CALENDAR_UNITS, NAMED_PERIODS, type CalendarUnit, type FilterCondition, type NamedPeriod, type ValueType } from '@bankforge/data-model';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../form-designer/workspace/localized.js';
import { problemsUnder, useFilterHost, type FilterFieldChoice, type FilterParameter } from './builder-context.js';
import { FilterProblems } from './controls.js';
import { parameterOf, parseTyped, periodChoice, periodValue, typedText, valueShape, type PeriodChoice } from './filter-values.js';
import { fromLocalInput, toLocalInput } from './local-datetime.js';

export interface ConditionValueProps {
  condition: FilterCondition;
  choice: FilterFieldChoice | undefined;
  parameters: readonly FilterParameter[];
  /** The value's JSON Pointer: its problems (and those of its items, a parameter) are shown here. */
  path: string;
  /** The condition's number, for the controls' names. */
  number: string;
  onChange(value: unknown): void;
}

/** A condition's value in the shape its operator takes: a value, a list, a range, a period, empty or not; or a parameter. */
export function ConditionValue({ condition, choice, parameters, path, number, onChange }: ConditionValueProps) {
  const { t } = useTranslation('filterBuilder');
  const { problems, idOf } = useFilterHost();
  const here = problemsUnder(problems, path);
  const id = idOf(path);
  const problemsId = `${id}-problems`;
  const invalid = here.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': problemsId } : {};
  const shape = valueShape(condition.op);
  const param = parameterOf(condition.value);
  const canUseParameter = (shape === 'one' || shape === 'list') && parameters.length > 0;
  const sourceId = useId();
  const label = t('value', { number });
  return (
    <div className="form-row filter-cell filter-value">
      {canUseParameter && (
        <>
          <label htmlFor={sourceId}>{t('valueFrom', { number })}</label>
          <select id={sourceId} value={param ?? ''} onChange={(e) => onChange(e.target.value === '' ? (shape === 'list' ? [] : '') : { param: e.target.value })}>
            <option value="">{t('typedValue')}</option>
            {parameters.map((p) => (
              <option key={p.key} value={p.key}>
                {t('parameter', { name: p.label || p.key })}
              </option>
            ))}
          </select>
        </>
      )}
      {param === undefined && <ValueControl id={id} label={label} shape={shape} value={condition.value} choice={choice} invalid={invalid} onChange={onChange} />}
      <FilterProblems id={problemsId} problems={here} />
    </div>
  );
}

type Invalid = { 'aria-invalid'?: true; 'aria-describedby'?: string };

function ValueControl({ id, label, shape, value, choice, invalid, onChange }: { id: string; label: string; shape: ReturnType<typeof valueShape>; value: unknown; choice: FilterFieldChoice | undefined; invalid: Invalid; onChange(value: unknown): void }) {
  const { t } = useTranslation('filterBuilder');
  const { language } = useFilterHost();
  const type = choice?.type;
  const options = choice?.options;
  if (shape === 'emptiness') {
    return (
      <>
        <label htmlFor={id}>{label}</label>
        <select id={id} {...invalid} value={value === false ? 'false' : 'true'} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">{t('isEmpty')}</option>
          <option value="false">{t('hasValue')}</option>
        </select>
      </>
    );
  }
  if (shape === 'period') return <PeriodControl id={id} label={label} value={value} invalid={invalid} onChange={onChange} />;
  if (shape === 'list' && options) {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset id={id} {...invalid} className="filter-options">
        <legend>{label}</legend>
        {options.map((o) => (
          <label key={o.value} className="check-label">
            <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />
            {localized(o.label, language)}
          </label>
        ))}
      </fieldset>
    );
  }
  if (shape === 'list') {
    const items = Array.isArray(value) ? value : [];
    return (
      <>
        <label htmlFor={id}>{label}</label>
        <input
          // Typed as free text and read on leaving the box; drawn again when the list changes elsewhere (undo).
          key={JSON.stringify(items)}
          id={id}
          {...invalid}
          defaultValue={items.map(typedText).join(', ')}
          placeholder={t('listPlaceholder')}
          onBlur={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => parseTyped(s, type)))}
        />
      </>
    );
  }
  if (shape === 'range') {
    const [low, high] = Array.isArray(value) ? value : [undefined, undefined];
    return (
      <fieldset id={id} {...invalid} className="filter-range">
        <legend>{label}</legend>
        <OneValue label={t('from')} type={type} value={low} onChange={(v) => onChange([v, high ?? ''])} />
        <OneValue label={t('to')} type={type} value={high} onChange={(v) => onChange([low ?? '', v])} />
      </fieldset>
    );
  }
  if (options && (type === 'text' || type === 'multi')) {
    return (
      <>
        <label htmlFor={id}>{label}</label>
        <select id={id} {...invalid} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('chooseOption')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {localized(o.label, language)}
            </option>
          ))}
        </select>
      </>
    );
  }
  return <OneValue id={id} label={label} type={type} value={value} invalid={invalid} onChange={onChange} />;
}

/** One value typed for the field's type: a yes/no, a day, an instant (in the analyst's time zone), a number or text. */
function OneValue({ id, label, type, value, invalid = {}, onChange }: { id?: string; label: string; type: ValueType | undefined; value: unknown; invalid?: Invalid; onChange(value: unknown): void }) {
  const { t } = useTranslation('filterBuilder');
  const ownId = useId();
  const inputId = id ?? ownId;
  let control;
  if (type === 'boolean') {
    control = (
      <select id={inputId} {...invalid} value={value === false ? 'false' : 'true'} onChange={(e) => onChange(e.target.value === 'true')}>
        <option value="true">{t('values.yes')}</option>
        <option value="false">{t('values.no')}</option>
      </select>
    );
  } else if (type === 'date') {
    control = <input id={inputId} {...invalid} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
  } else if (type === 'datetime') {
    control = <input id={inputId} {...invalid} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />;
  } else {
    const numeric = type === 'integer' || type === 'decimal';
    control = <input id={inputId} {...invalid} inputMode={numeric ? 'decimal' : undefined} value={typedText(value)} onChange={(e) => onChange(parseTyped(e.target.value, type))} />;
  }
  return (
    <span className="field-inline">
      <label htmlFor={inputId}>{label}</label>
      {control}
    </span>
  );
}

const isNamed = (value: string): value is NamedPeriod => (NAMED_PERIODS as readonly string[]).includes(value);
const isUnit = (value: string): value is CalendarUnit => (CALENDAR_UNITS as readonly string[]).includes(value);

/** A relative period: this quarter, last month... or the last / next N days, weeks, months, quarters or years. */
function PeriodControl({ id, label, value, invalid, onChange }: { id: string; label: string; value: unknown; invalid: Invalid; onChange(value: unknown): void }) {
  const { t } = useTranslation('filterBuilder');
  const countId = useId();
  const unitId = useId();
  const choice = periodChoice(value);
  const set = (next: PeriodChoice) => onChange(periodValue(next));
  const kind = choice.kind === 'named' ? choice.name : choice.kind;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        {...invalid}
        value={kind}
        onChange={(e) => {
          const picked = e.target.value;
          if (isNamed(picked)) set({ kind: 'named', name: picked });
          else set({ kind: picked === 'next' ? 'next' : 'last', count: choice.kind === 'named' ? 30 : choice.count, unit: choice.kind === 'named' ? 'day' : choice.unit });
        }}
      >
        {NAMED_PERIODS.map((p) => (
          <option key={p} value={p}>
            {t(`appShell:periods.${p}`)}
          </option>
        ))}
        <option value="last">{t('periods.last')}</option>
        <option value="next">{t('periods.next')}</option>
      </select>
      {choice.kind !== 'named' && (
        <span className="period-count">
          <span className="field-inline">
            <label htmlFor={countId}>{t('periods.count')}</label>
            <input id={countId} type="number" min={1} max={10000} value={choice.count} onChange={(e) => set({ ...choice, count: Math.max(1, Math.round(Number(e.target.value) || 1)) })} />
          </span>
          <span className="field-inline">
            <label htmlFor={unitId}>{t('periods.unit')}</label>
            <select id={unitId} value={choice.unit} onChange={(e) => isUnit(e.target.value) && set({ ...choice, unit: e.target.value })}>
              {CALENDAR_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`periods.units.${u}`)}
                </option>
              ))}
            </select>
          </span>
        </span>
      )}
    </>
  );
}
