import { useState } from 'react';
import type { MoneyValue } from '../../entity/entity-definition.js';
import { ISO_CURRENCIES } from '../../field-types/currency.js';
import { numberText } from './number-text.js';
import { numberParser } from './NumberWidget.js';
import { useDraftText } from './use-draft-text.js';
import type { WidgetProps } from './widget-props.js';

function moneyOf(value: unknown): Partial<MoneyValue> {
  if (value === null || typeof value !== 'object') return {};
  const { amount, currency } = value as Record<string, unknown>;
  return {
    amount: typeof amount === 'string' ? amount : undefined,
    currency: typeof currency === 'string' ? currency : undefined,
  };
}

/**
 * A money amount (an exact decimal string, never a float) and its currency, chosen from the
 * field's `currencies` (preset when there is only one). No amount is no value.
 */
export function MoneyWidget(props: WidgetProps) {
  const parse = numberParser(props.field);
  const money = moneyOf(props.value);
  const draft = useDraftText(money.amount, numberText, (text, amount) => parse(text).value === amount);
  const currencies: readonly string[] = props.field.currencies ?? ISO_CURRENCIES;
  const onlyCurrency = currencies.length === 1 ? currencies[0] : undefined;

  // A currency picked before any amount is typed: no value yet, but the choice is kept for the amount.
  const [pendingCurrency, setPendingCurrency] = useState<string | undefined>(undefined);
  const shownCurrency = money.currency ?? pendingCurrency ?? onlyCurrency ?? '';

  const change = (amount: unknown, currency: string | undefined) => {
    if (amount === null) {
      setPendingCurrency(currency);
      props.onChange(null);
    } else {
      props.onChange({ amount, currency: currency ?? onlyCurrency ?? '' });
    }
  };

  return (
    <span className="bf-money">
      <input
        id={props.id}
        className="bf-input bf-number"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={draft.text}
        placeholder={props.placeholder}
        aria-required={props.required || undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        readOnly={props.readOnly}
        disabled={props.disabled}
        onChange={(event) => {
          const parsed = parse(event.target.value);
          draft.type(event.target.value, parsed.value);
          props.onInputProblem(parsed.problem);
          change(parsed.value, money.currency ?? pendingCurrency);
        }}
        onBlur={() => {
          draft.reset();
          props.onBlur();
        }}
      />
      <select
        className="bf-select bf-currency"
        aria-label={props.messages.currency}
        value={shownCurrency}
        aria-invalid={props.invalid || undefined}
        disabled={props.disabled || props.readOnly}
        onChange={(event) => change(money.amount ?? null, event.target.value || undefined)}
        onBlur={props.onBlur}
      >
        {onlyCurrency === undefined && <option value="">{props.messages.currency}</option>}
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </span>
  );
}
