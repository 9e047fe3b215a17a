import type { ProblemFieldError } from '@bankforge/client';
import type { FlowDefinition, FlowNode, FlowProblem } from '@bankforge/flow-engine';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtifactEditor } from '../shell/artifact-editor/index.js';
import { isTextEditing } from '../shell/artifact-editor/useDesignerShortcuts.js';
import { BpmnImportDialog } from './bpmn/BpmnImportDialog.js';
import { downloadBpmn } from './bpmn/bpmn-files.js';
import { CanvasToolbar } from './canvas/CanvasToolbar.js';
import { FlowCanvas } from './canvas/FlowCanvas.js';
import { focusCanvasElement } from './canvas/focus.js';
import { currentNode, edgeSelection, NOTHING, nodeSelection, type Selection } from './canvas/selection.js';
import { useFlowCommands } from './canvas/useFlowCommands.js';
import { applyPositions } from './document/flow-edits.js';
import { nodeName, type DesignerLanguage } from './document/names.js';
import { AddNodeDialog } from './keyboard/AddNodeDialog.js';
import { canvasCommand, NUDGE } from './keyboard/canvas-keys.js';
import { ConnectDialog } from './keyboard/ConnectDialog.js';
import { KeyboardHelp } from './keyboard/KeyboardHelp.js';
import { layoutFlow } from './layout/elk-layout.js';
import { useFallbackLayout } from './layout/useFallbackLayout.js';
import { Palette } from './palette/Palette.js';
import { indexProblems } from './problems/problem-index.js';
import { problemText } from './problems/problem-text.js';
import { ProblemsPanel } from './problems/ProblemsPanel.js';
import { PanelContextValue, type PanelContext } from './properties/panel-context.js';
import { PropertiesPanel } from './properties/PropertiesPanel.js';
import { FIT_VIEW } from './canvas/fit-view.js';

type Dialogs = 'add' | 'connect' | 'import' | null;

export interface FlowWorkspaceProps {
  editor: ArtifactEditor<FlowDefinition>;
  problems: readonly FlowProblem[];
  language: DesignerLanguage;
}

/** Palette, canvas and properties over one flow draft, with its live problems. */
export function FlowWorkspace(props: FlowWorkspaceProps) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ editor, problems, language }: FlowWorkspaceProps) {
  const { t } = useTranslation('flowDesigner');
  const flow = editor.document;
  const update = editor.update;
  const [chosen, setChosen] = useState<Selection>(NOTHING);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusWanted, setFocusWanted] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const helpId = 'flow-keys';

  // Undo can take selected elements away: the selection keeps only what is still there.
  const selection = useMemo<Selection>(() => {
    const nodes = chosen.nodes.filter((id) => flow.nodes.some((n) => n.id === id));
    const edge = chosen.edge !== null && flow.edges.some((e) => e.id === chosen.edge) ? chosen.edge : null;
    return nodes.length === chosen.nodes.length && edge === chosen.edge ? chosen : { nodes, edge };
  }, [chosen, flow]);
  const select = useCallback((next: Selection, focus = false) => {
    setChosen(next);
    if (focus) setFocusWanted((n) => n + 1);
  }, []);
  useEffect(() => {
    if (focusWanted === 0) return;
    const id = selection.edge ?? currentNode(selection);
    if (id !== undefined) return focusCanvasElement(container.current, selection.edge !== null ? 'edge' : 'node', id);
    // Focus follows each request once its element is drawn; later edits do not pull the focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusWanted]);

  const fallback = useFallbackLayout(flow);
  const { fitView } = useReactFlow();
  // Display places arrive after the first drawing: the view then frames the whole flow.
  useEffect(() => {
    if (fallback.size > 0) void fitView(FIT_VIEW);
  }, [fallback, fitView]);
  const placed = useCallback((node: FlowNode) => node.position ?? fallback.get(node.id) ?? { x: 0, y: 0 }, [fallback]);
  const index = useMemo(() => indexProblems(problems), [problems]);
  const commands = useFlowCommands({ flow, language, selection, placed, update, select, announce: setAnnouncement });

  const panel = useMemo<PanelContext>(() => {
    const translated: ProblemFieldError[] = problems.map((p) => ({ path: p.path, code: p.code, message: problemText(p, flow, language, t) }));
    return {
      flow,
      language,
      change: update,
      variableNames: new Set(flow.variables.map((v) => v.name)),
      problemsAt: (path) => translated.filter((p) => p.path === path || p.path.startsWith(`${path}/`)),
    };
  }, [flow, language, problems, t, update]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isTextEditing(event.target) || event.defaultPrevented) return;
    const command = canvasCommand(event.nativeEvent);
    if (command === null) return;
    event.preventDefault();
    switch (command.kind) {
      case 'go':
        return commands.go(command.direction);
      case 'nudge': {
        const d = { up: [0, -NUDGE], down: [0, NUDGE], left: [-NUDGE, 0], right: [NUDGE, 0] }[command.direction];
        return commands.nudge(d[0]!, d[1]!);
      }
      case 'properties':
        return heading.current?.focus();
      case 'delete':
        return commands.remove();
      case 'addAfter':
        return commands.current !== undefined ? setDialog('add') : undefined;
      case 'connect':
        return commands.current !== undefined ? setDialog('connect') : undefined;
      case 'copy':
        return commands.copy();
      case 'paste':
        return commands.paste();
      case 'clear':
        return select(NOTHING);
    }
  };

  const showProblem = (problem: FlowProblem) => {
    if (problem.edgeId !== undefined) select(edgeSelection(problem.edgeId), true);
    else if (problem.nodeId !== undefined) select(nodeSelection(problem.nodeId), true);
    else {
      select(NOTHING);
      heading.current?.focus();
    }
  };

  const replaceDraft = async (imported: FlowDefinition) => {
    setDialog(null);
    // A file without diagram places is laid out before it replaces the draft: one undo step brings the old draft back.
    const placedImport = imported.nodes.some((n) => n.position === undefined) ? applyPositions(imported, await layoutFlow(imported)) : imported;
    update(() => placedImport);
    select(NOTHING);
    setAnnouncement(t('announce.imported', { count: imported.nodes.length }));
  };

  const current = commands.current;
  return (
    <PanelContextValue.Provider value={panel}>
      <CanvasToolbar
        hasNode={current !== undefined}
        hasSelection={selection.nodes.length > 0 || selection.edge !== null}
        several={selection.nodes.length > 1}
        canPaste={commands.clipboard !== null}
        laying={commands.laying}
        onAddAfter={() => setDialog('add')}
        onConnect={() => setDialog('connect')}
        onDelete={commands.remove}
        onCopy={commands.copy}
        onPaste={commands.paste}
        onLayout={() => void commands.layout()}
        onAlign={commands.align}
        onImport={() => setDialog('import')}
        onExport={() => downloadBpmn(flow)}
      />
      <p role="status" aria-live="polite" className="flow-announce">{announcement}</p>
      <div className="flow-workspace" ref={container}>
        <Palette language={language} onAdd={(type) => commands.add(type)} />
        <div className="flow-main">
          <FlowCanvas
            flow={flow}
            language={language}
            placed={placed}
            selection={selection}
            problems={index}
            helpId={helpId}
            onSelectionChange={(recipe) => setChosen(recipe)}
            onMove={commands.move}
            onConnect={(source, target) => commands.connect(target, source)}
            onDropType={(type, position) => commands.add(type, position)}
            onKeyDown={onKeyDown}
          />
          <KeyboardHelp id={helpId} />
          <ProblemsPanel flow={flow} problems={problems} language={language} onShow={showProblem} />
        </div>
        <PropertiesPanel selection={selection} headingRef={heading} onSelectEdge={(id) => select(edgeSelection(id), true)} onDeleteEdge={() => commands.remove()} />
      </div>
      {dialog === 'add' && current !== undefined && (
        <AddNodeDialog afterName={nodeName(current, language)} language={language} onClose={() => setDialog(null)} onAdd={(type) => { setDialog(null); commands.add(type); }} />
      )}
      {dialog === 'connect' && current !== undefined && (
        <ConnectDialog flow={flow} source={current} language={language} onClose={() => setDialog(null)} onConnect={(target) => { setDialog(null); commands.connect(target); }} />
      )}
      {dialog === 'import' && <BpmnImportDialog draft={flow} onClose={() => setDialog(null)} onReplace={(d) => void replaceDraft(d)} />}
    </PanelContextValue.Provider>
  );
}
