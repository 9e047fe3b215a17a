import { useId, type ReactNode } from 'react';
import { ProblemsAt } from './controls.js';

/** One part of the report (its data, fields, columns, chart...): a heading, what it is for, its problems as a whole. */
export function Section({ title, help, path, children }: { title: string; help?: string; path?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="report-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {help && <p className="help">{help}</p>}
      {path && <ProblemsAt path={path} />}
      {children}
    </section>
  );
}
