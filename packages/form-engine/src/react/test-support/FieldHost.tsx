import { useState } from 'react';
import type { FieldDefinition } from '@bankforge/data-model';
import type { WidgetType } from '../../form/form-definition.js';
import type { RendererLocale } from '../locale/messages.js';
import { FieldInput } from '../widgets/FieldInput.js';
import type { LoadOptions, LookupSource } from '../widgets/widget-props.js';

/** A stateful host for one widget in tests: keeps the value and records every value sent. */
export function FieldHost(props: {
  field: FieldDefinition;
  seen: unknown[];
  initial?: unknown;
  widget?: WidgetType;
  locale?: RendererLocale;
  lookup?: LookupSource;
  loadOptions?: LoadOptions;
  readOnly?: boolean;
}) {
  const [value, setValue] = useState<unknown>(props.initial ?? null);
  return (
    <FieldInput
      field={props.field}
      widget={props.widget}
      value={value}
      locale={props.locale ?? 'en'}
      lookup={props.lookup}
      loadOptions={props.loadOptions}
      readOnly={props.readOnly}
      onChange={(next) => {
        props.seen.push(next);
        setValue(next);
      }}
    />
  );
}
