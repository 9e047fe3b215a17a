/** Problems of a value edited without one of the shared controls (a FEEL editor, a table cell, a group). */
export function FieldErrors({ problems, id }: { problems: readonly { message: string }[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {problems.map((p, i) => <li key={i}>{p.message}</li>)}
    </ul>
  );
}
