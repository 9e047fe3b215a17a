import { exportBpmn, importBpmn, type BpmnImportMessage, type BpmnUnsupported, type FlowDefinition } from '@bankforge/flow-engine';

export interface DraftImport {
  /** The flow that would replace the draft (the file's first process, under the draft's key); none when the file cannot be imported. */
  definition: FlowDefinition | undefined;
  unsupported: readonly BpmnUnsupported[];
  errors: readonly BpmnImportMessage[];
  warnings: readonly BpmnImportMessage[];
  /** Embedded sub-processes, each its own flow that the imported one calls: not created by this import. */
  subprocesses: readonly string[];
}

/**
 * Reads a BPMN 2.0 file for the draft: the engine's import, with the draft's variables declared (so
 * conditions may read them) and the draft's key kept (the flow's address does not change).
 */
export function importIntoDraft(draft: FlowDefinition, xml: string): DraftImport {
  const result = importBpmn(xml, { variables: draft.variables });
  const [main, ...rest] = result.definitions;
  const importable = main !== undefined && result.unsupported.length === 0 && result.errors.length === 0;
  return {
    definition: importable ? { ...main, key: draft.key } : undefined,
    unsupported: result.unsupported,
    errors: result.errors,
    warnings: result.warnings,
    subprocesses: rest.map((d) => d.key),
  };
}

/** Offers the flow as a BPMN 2.0 file (`<key>.bpmn`) for the Camunda Modeler or any other tool. */
export function downloadBpmn(flow: FlowDefinition): void {
  const url = URL.createObjectURL(new Blob([exportBpmn(flow)], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${flow.key}.bpmn`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
