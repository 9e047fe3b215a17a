import { controlAttributes } from './control-attributes.js';
import { useDraftText } from './use-draft-text.js';
import type { WidgetProps } from './widget-props.js';

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function jsonText(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}

/**
 * Any JSON value, edited as text. Text that does not parse is reported inline and leaves the
 * stored value as it was (a half-typed document must not be saved as a string).
 */
export function JsonWidget(props: WidgetProps) {
  const draft = useDraftText(props.value, jsonText, (text, value) => {
    const parsed = parseJson(text);
    return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(value ?? null);
  });
  return (
    <textarea
      {...controlAttributes(props)}
      className="bf-textarea bf-json"
      rows={6}
      spellCheck={false}
      value={draft.text}
      placeholder={props.placeholder}
      onChange={(event) => {
        const parsed = parseJson(event.target.value);
        draft.type(event.target.value, parsed.ok ? parsed.value : props.value);
        props.onInputProblem(parsed.ok ? null : { code: 'invalidJson' });
        if (parsed.ok) props.onChange(parsed.value);
      }}
      onBlur={props.onBlur}
    />
  );
}
