import { useState } from 'react';
import type { MoneyValue } from '@bankforge/data-model';
import { ISO_CURRENCIES } from '@bankforge/data-model';
import { controlAttributes } from './control-attributes.js';
import { useNumberText } from './use-number-text.js';
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
  const money = moneyOf(props.value);
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
  const amountText = useNumberText(props, money.amount, (amount) => change(amount, money.currency ?? pendingCurrency));

  return (
    <span className="bf-money">
      <input
        {...controlAttributes(props)}
        {...amountText}
        className="bf-input bf-number"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={props.placeholder}
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
