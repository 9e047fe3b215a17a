import { controlAttributes, plainTextBinding } from './control-attributes.js';
import type { WidgetProps } from './widget-props.js';

/** Multi-line text (long text). Empty text is no value. */
export function TextareaWidget(props: WidgetProps) {
  return (
    <textarea
      {...controlAttributes(props)}
      {...plainTextBinding(props)}
      className="bf-textarea"
      rows={4}
      maxLength={props.field.maxLength}
      placeholder={props.placeholder}
    />
  );
}
