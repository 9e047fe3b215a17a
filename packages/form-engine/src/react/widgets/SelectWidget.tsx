import { useEffect, useState } from 'react';
import type { SelectOption } from '@bankforge/data-model';
import { singleChoices } from './choices.js';
import type { WidgetProps } from './widget-props.js';

/**
 * One choice from a drop-down list; the empty "Select…" entry is no value. With a lookup source
 * (a reference drawn as a select) the records are fetched once, for short lists such as branches.
 */
export function SelectWidget(props: WidgetProps) {
  const { lookup, loadOptions } = props;
  const [loaded, setLoaded] = useState<readonly SelectOption[] | null>(null);
  const sourceKey = JSON.stringify(lookup ?? null);
  useEffect(() => {
    if (!lookup || !loadOptions) return;
    let current = true;
    loadOptions(lookup, '').then(
      (found) => current && setLoaded(found),
      () => current && setLoaded([]),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lookup and loadOptions are followed through sourceKey: hosts pass new but equal objects on every render
  }, [sourceKey]);
  const loading = lookup !== undefined && loadOptions !== undefined && loaded === null;
  const { choices, selected, valueOf } = singleChoices(loaded ? { ...props, options: loaded } : props);
  return (
    <select
      id={props.id}
      className="bf-select"
      value={selected}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      // A select has no read-only state; disabling it is the closest.
      disabled={props.disabled || props.readOnly}
      onChange={(event) => props.onChange(valueOf(event.target.value))}
      onBlur={props.onBlur}
    >
      <option value="">
        {/* "Select…" asks for a choice: on a field nobody may change it would read as one; empty says none was made. */}
        {props.readOnly ? '' : loading ? props.messages.loading : choices.length === 0 ? props.messages.noOptions : props.messages.select}
      </option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
