import type { ProblemFieldError } from '@bankforge/client';
import type { BusinessKnowledgeModel, DecisionArtifact, DecisionTable } from '@bankforge/rule-engine';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { tableOf, withTable } from '../document/decision-document.js';
import { newLogic, type LogicKind } from '../document/drg-edits.js';
import { elementId, type ElementRef } from '../document/drg-graph.js';
import { decisionScope, knowledgeScope } from '../document/logic-check.js';
import { changeBody, onContext, onLiteral, setLiteralText, withDecisionLogic, withKnowledgeModel } from '../document/logic-edits.js';
import { ContextEditor } from '../logic/ContextEditor.js';
import { ElementProperties } from '../logic/ElementProperties.js';
import { KnowledgeModelEditor } from '../logic/KnowledgeModelEditor.js';
import { LiteralExpressionEditor } from '../logic/LiteralExpressionEditor.js';
import type { SelectedElement } from './element-selection.js';
import { LogicView } from './LogicView.js';
import { LogicWorkspace } from './LogicWorkspace.js';
import { TableWorkspace } from './TableWorkspace.js';

const LOGIC_KINDS: readonly LogicKind[] = ['decisionTable', 'literalExpression', 'context'];

export interface ElementWorkspaceProps {
  artifact: DecisionArtifact;
  selected: SelectedElement;
  problems: readonly ProblemFieldError[];
  latestVersion: number | null;
  /** A change of the draft; `label` groups keystrokes of one property into one undo step. */
  onUpdate(change: (artifact: DecisionArtifact) => DecisionArtifact, label?: string): void;
  onSelect(element: ElementRef | null): void;
  onAnnounce(message: string): void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The selected element: its properties, then its logic's editor (a table in the grid, a literal expression, a context, a knowledge model). */
export function ElementWorkspace({ artifact, selected, problems, latestVersion, onUpdate, onSelect, onAnnounce, headingRef }: ElementWorkspaceProps) {
  const { t } = useTranslation('decisionDesigner');
  // Keystrokes merge into one undo step per property of one element.
  const scoped = (label: string | undefined) => (label === undefined ? undefined : `${elementId(selected)}:${label}`);
  const replace = (next: DecisionArtifact) => onUpdate(() => next);

  let editor = null;
  if (selected.kind === 'decision') {
    const index = selected.index;
    const decision = artifact.decisions[index]!;
    const table = tableOf(artifact, index);
    const logic = decision.logic;
    const scope = decisionScope(artifact, index);
    if (table !== null) {
      editor = (
        <TableWorkspace
          key={index}
          artifact={artifact}
          decision={index}
          table={table}
          problems={problems}
          onChange={(change: (table: DecisionTable) => DecisionTable, label?: string) => onUpdate((current) => withTable(current, index, change), label)}
          latestVersion={latestVersion}
          onArtifactChange={replace}
        />
      );
    } else if (logic === undefined) {
      editor = (
        <div className="button-row">
          <span>{t('element.chooseLogic')}</span>
          {LOGIC_KINDS.map((kind) => (
            <button key={kind} type="button" onClick={() => onUpdate((current) => withDecisionLogic(current, index, () => newLogic(kind)))}>
              {t(`logicKind.${kind}`)}
            </button>
          ))}
        </div>
      );
    } else if (logic.kind === 'literalExpression' || logic.kind === 'context') {
      editor = (
        <LogicWorkspace key={index} artifact={artifact} decision={index} latestVersion={latestVersion} onArtifactChange={replace}>
          {logic.kind === 'literalExpression' ? (
            <LiteralExpressionEditor
              owner={decision.name}
              expression={logic}
              scope={scope}
              onChange={(text) => onUpdate((current) => withDecisionLogic(current, index, onLiteral((e) => setLiteralText(e, text))), scoped('literal'))}
            />
          ) : (
            <ContextEditor
              owner={decision.name}
              context={logic}
              scope={scope}
              onChange={(change, label) => onUpdate((current) => withDecisionLogic(current, index, onContext(change)), scoped(label))}
              onAnnounce={onAnnounce}
            />
          )}
        </LogicWorkspace>
      );
    } else {
      editor = <LogicView decision={decision} />;
    }
  } else if (selected.kind === 'businessKnowledgeModel') {
    const index = selected.index;
    const bkm = artifact.businessKnowledgeModels![index]!;
    const body = bkm.body;
    // A body that is a decision table is edited in the decision's grid; its parameters are what its inputs read.
    const tableEditor =
      body?.kind === 'decisionTable' ? (
        <TableWorkspace
          key={`bkm-table-${index}`}
          artifact={artifact}
          decision={-1}
          table={body}
          problems={problems}
          onChange={(change: (table: DecisionTable) => DecisionTable, label?: string) =>
            onUpdate((current) => withKnowledgeModel(current, index, (b) => changeBody(b, (logic) => (logic?.kind === 'decisionTable' ? change(logic) : logic))), scoped(label))
          }
          latestVersion={latestVersion}
          onArtifactChange={replace}
          knowledgeModel={{ name: bkm.name, path: `/businessKnowledgeModels/${index}/body`, parameters: bkm.parameters.map((p) => p.name) }}
        />
      ) : undefined;
    editor = (
      <LogicWorkspace key={`bkm-${index}`} artifact={artifact} decision={-1} latestVersion={latestVersion} onArtifactChange={replace}>
        <KnowledgeModelEditor
          artifact={artifact}
          bkm={bkm}
          scope={knowledgeScope(artifact, bkm)}
          onChange={(change: (bkm: BusinessKnowledgeModel) => BusinessKnowledgeModel, label?: string) => onUpdate((current) => withKnowledgeModel(current, index, change), scoped(label))}
          onAnnounce={onAnnounce}
          tableEditor={tableEditor}
        />
      </LogicWorkspace>
    );
  }

  return (
    <>
      <ElementProperties artifact={artifact} element={selected} onChange={onUpdate} onSelect={onSelect} onAnnounce={onAnnounce} headingRef={headingRef} />
      {editor}
    </>
  );
}
