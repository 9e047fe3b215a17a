import { validateFlowDefinition, type FlowDefinition, type FlowProblem } from '@bankforge/flow-engine';
import { useEffect, useState } from 'react';

/** How long the editing pauses before the flow is checked again (typing in a property is many changes). */
export const CHECK_DELAY_MS = 300;

/**
 * The server's content security policy forbids the eval Ajv compiles a JSON Schema with: the
 * designer's typed edits keep the document's shape, and the server checks the schema on every save.
 */
const check = (flow: FlowDefinition): FlowProblem[] => validateFlowDefinition(flow, { schema: false });

/**
 * The publish problems of the flow as it is edited, from the engine's own check: re-checked once
 * the edits pause, so typing stays fast on a large flow.
 */
export function useLiveProblems(flow: FlowDefinition): readonly FlowProblem[] {
  const [checked, setChecked] = useState(() => ({ flow, problems: check(flow) }));
  useEffect(() => {
    if (checked.flow === flow) return;
    const timer = setTimeout(() => setChecked({ flow, problems: check(flow) }), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [flow, checked.flow]);
  return checked.problems;
}
