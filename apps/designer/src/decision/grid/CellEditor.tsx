interface CellEditorProps {
  label: string;
  value: string;
  invalid: boolean;
  /** The element that says what is wrong with the text (the grid's status line). */
  describedBy: string;
  onChange(value: string): void;
  onBlur(): void;
}

/** The text box over a cell being edited: it takes the focus with the caret at the end. */
export function CellEditor({ label, value, invalid, describedBy, onChange, onBlur }: CellEditorProps) {
  return (
    <input
      ref={(input) => {
        if (input && document.activeElement !== input) {
          input.focus({ preventScroll: true });
          input.setSelectionRange(input.value.length, input.value.length);
        }
      }}
      className="dg-editor"
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    />
  );
}
