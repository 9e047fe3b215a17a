import type { ReactNode } from 'react';
import { problemsAt, useFilterHost, type FilterProblem } from './builder-context.js';

/** What a control addressed by a JSON Pointer carries: its id and its problems' description. */
export interface FilterControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A filter's problems, said beside the control they are about. */
export function FilterProblems({ id, problems }: { id?: string; problems: readonly FilterProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-errors report-problems-here">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>{p.text}</li>
      ))}
    </ul>
  );
}

/** Problems of a path that has no control of its own (a group, a condition). */
export function FilterProblemsAt({ path }: { path: string }) {
  const { problems } = useFilterHost();
  return <FilterProblems problems={problemsAt(problems, path)} />;
}

/** A labelled control at a JSON Pointer, with its problems under it. */
export function FilterField({ label, path, className, children }: { label: string; path: string; className?: string; children(props: FilterControlProps): ReactNode }) {
  const { problems, idOf } = useFilterHost();
  const here = problemsAt(problems, path);
  const id = idOf(path);
  const problemsId = `${id}-problems`;
  const props: FilterControlProps = here.length > 0 ? { id, 'aria-invalid': true, 'aria-describedby': problemsId } : { id };
  return (
    <div className={className ?? 'form-row'}>
      <label htmlFor={id}>{label}</label>
      {children(props)}
      <FilterProblems id={problemsId} problems={here} />
    </div>
  );
}
