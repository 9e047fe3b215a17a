import type { ProblemFieldError } from '@bankforge/client';
import type { DecisionArtifact, DecisionTable, TableGap } from '@bankforge/rule-engine';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';
import { TabList, tabIds } from '../../shell/tabs/TabList.js';
import { problemPlace } from '../analysis/problem-cells.js';
import { rowMarkers } from '../analysis/row-markers.js';
import { TableProblems, type ServerProblem } from '../analysis/TableProblems.js';
import { useTableAnalysis } from '../analysis/useTableAnalysis.js';
import { applyColumnCommand, newInputColumn, type ColumnCommand } from '../columns/column-commands.js';
import { ColumnDialog } from '../columns/ColumnDialog.js';
import { ColumnToolbar } from '../columns/ColumnToolbar.js';
import { analysisOptions, modelNames, scopeOfNames } from '../document/decision-document.js';
import { clampCursor, HEADER_ROW, type Cursor } from '../grid/cursor.js';
import { cellKey, DecisionGrid } from '../grid/DecisionGrid.js';
import type { RuleCommand } from '../grid/keymap.js';
import { applyRuleCommand } from '../grid/rule-commands.js';
import { contextMenuItems, type MenuAction } from '../grid/context-menu.js';
import { GridContextMenu } from '../grid/GridContextMenu.js';
import { columnName } from '../grid/messages.js';
import { RuleToolbar } from '../grid/RuleToolbar.js';
import { columnCount } from '../grid/table-columns.js';
import { checkTable } from '../grid/table-check.js';
import { addRuleForRegion } from '../grid/table-edits.js';
import { DecisionSidePanels, useSidePanelTabs, type SidePanel } from './DecisionSidePanels.js';
import { HitPolicyField } from './HitPolicyField.js';

interface TableWorkspaceProps {
  artifact: DecisionArtifact;
  /** The decision whose table is edited. */
  decision: number;
  table: DecisionTable;
  /** The last refusal's errors (JSON Pointers into the artifact). */
  problems: readonly ProblemFieldError[];
  /** Changes the table; `label` groups keystrokes of one property into one undo step. */
  onChange(change: (table: DecisionTable) => DecisionTable, label?: string): void;
  latestVersion: number | null;
  /** Replaces the whole draft (the side panels' test cases and rollback). */
  onArtifactChange(next: DecisionArtifact): void;
  /**
   * A table that is not a decision's logic: a knowledge model's body, read by its name, its
   * parameters in scope, the server's problems found under its path, and no Tests or Versions
   * tabs of its own (its page has them).
   */
  knowledgeModel?: { name: string; path: string; parameters: readonly string[] };
}

type Panel = 'rules' | SidePanel;

const NO_RULES: readonly number[] = [];

/** One decision table: its hit policy, the toolbars and grid, and under them the rules' problems and analysis. */
export function TableWorkspace({ artifact, decision, table, problems, onChange, latestVersion, onArtifactChange, knowledgeModel }: TableWorkspaceProps) {
  const { t, i18n } = useTranslation('decisionDesigner');
  const [cursorState, setCursor] = useState<Cursor>({ row: 0, column: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const [columnDialog, setColumnDialog] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [panel, setPanel] = useState<Panel>('rules');
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  // A dialog opened from the menu has no opener left to give the focus back to: the grid takes it.
  const [dialogFromMenu, setDialogFromMenu] = useState(false);
  // The Tests tab's matched rules hold for the draft they were reported with: any change clears them (the tab reports again once the edits settle).
  const [highlight, setHighlight] = useState<{ artifact: DecisionArtifact; rules: readonly number[] } | null>(null);
  const highlightedRules = highlight !== null && highlight.artifact === artifact ? highlight.rules : NO_RULES;
  const sidePanelTabs = useSidePanelTabs();
  // Undo, a paste or another decision can take the cursor's rule or column away.
  const cursor = clampCursor(cursorState, { rules: table.rules.length, columns: columnCount(table) });
  const decisionName = knowledgeModel?.name ?? artifact.decisions[decision]?.name ?? '';
  const tablePath = knowledgeModel?.path ?? `/decisions/${decision}/logic`;

  // The names in scope change rarely: keyed by them, the scope and the analysis options stay the same objects between edits.
  const scopeKey = JSON.stringify([...modelNames(artifact), ...(knowledgeModel?.parameters ?? [])]);
  const scope = useMemo(() => scopeOfNames(JSON.parse(scopeKey) as string[]), [scopeKey]);
  const itemDefinitions = artifact.itemDefinitions;
  const options = useMemo(() => analysisOptions(itemDefinitions, scope), [itemDefinitions, scope]);
  const issues = useMemo(() => checkTable(table, scope), [table, scope]);
  const analysis = useTableAnalysis(`${tablePath}:${decisionName}`, table, options);
  const markers = useMemo(() => (analysis.analysis === null ? new Map() : rowMarkers(analysis.analysis)), [analysis.analysis]);

  const serverProblems = useMemo((): ServerProblem[] => {
    return problems.flatMap((p) => {
      const place = problemPlace(p, tablePath, table);
      return place === null ? [] : [{ ...place, message: problemMessage(p, i18n.language) }];
    });
  }, [problems, tablePath, table, i18n.language]);
  const serverByCell = useMemo(() => new Map(serverProblems.map((p) => [cellKey(p.row, p.column), p.message])), [serverProblems]);

  const show = (next: Cursor) => {
    setCursor(next);
    setFocusRequest((n) => n + 1);
  };

  const ruleCommand = (command: RuleCommand) => {
    const result = applyRuleCommand(table, cursor, command);
    if (result.table === table) return;
    onChange(() => result.table);
    setCursor(result.cursor);
    const number = result.cursor.row + 1;
    setAnnouncement(
      command === 'delete' ? t('grid.deleted', { number: cursor.row + 1 })
      : command === 'duplicate' ? t('grid.duplicated', { number, from: cursor.row + 1 })
      : command === 'moveUp' || command === 'moveDown' ? t('grid.moved', { number })
      : t('grid.inserted', { number }),
    );
  };

  const columnCommand = (command: ColumnCommand) => {
    const result = applyColumnCommand(table, cursor, command, { input: newInputColumn(artifact, table), annotation: t('columns.newAnnotation') });
    if (result.table === table) return;
    onChange(() => result.table);
    setCursor(result.cursor);
    // A new input or output needs its expression or name: its properties open at once.
    if (command === 'addInput' || command === 'addOutput') setColumnDialog(result.cursor.column);
  };

  /** The menu closed: the grid takes the focus back, onto the cursor (a dialog the menu opened gives it back itself). */
  const closeMenu = useCallback(() => {
    setMenuAt(null);
    setFocusRequest((n) => n + 1);
  }, []);
  const menuAction = (action: MenuAction) => {
    setMenuAt(null);
    if (action.kind === 'rule') {
      setFocusRequest((n) => n + 1);
      ruleCommand(action.command);
    } else if (action.kind === 'column') {
      setFocusRequest((n) => n + 1);
      if (action.command === 'addInput' || action.command === 'addOutput') setDialogFromMenu(true);
      columnCommand(action.command);
    } else {
      setDialogFromMenu(true);
      setColumnDialog(cursor.column);
    }
  };

  const addGapRule = (gap: TableGap) => {
    onChange((current) => addRuleForRegion(current, gap.inputEntries));
    setAnnouncement(t('analysis.gapAdded', { number: table.rules.length + 1 }));
    show({ row: table.rules.length, column: table.inputs.length });
  };

  const ids = tabIds('decision', panel);
  return (
    <div className="dg-workspace">
      <HitPolicyField table={table} onChange={onChange} />
      <RuleToolbar table={table} cursor={cursor} onCommand={ruleCommand} />
      <ColumnToolbar table={table} cursor={cursor} onCommand={columnCommand} onProperties={() => setColumnDialog(cursor.column)} />
      <DecisionGrid
        table={table}
        label={t('grid.label', { decision: decisionName })}
        scope={scope}
        cursor={cursor}
        onCursorChange={setCursor}
        issues={issues}
        serverProblems={serverByCell}
        markers={markers}
        highlightedRules={highlightedRules}
        onChange={(change) => onChange(change)}
        onRuleCommand={ruleCommand}
        onOpenColumn={setColumnDialog}
        onAnnounce={setAnnouncement}
        focusRequest={focusRequest}
        onOpenMenu={setMenuAt}
      />
      {menuAt !== null && (
        <GridContextMenu
          label={cursor.row === HEADER_ROW ? t('gridMenu.headerLabel', { column: columnName(t, table, cursor.column) }) : t('gridMenu.label', { rule: cursor.row + 1 })}
          items={contextMenuItems(table, cursor)}
          at={menuAt}
          onAction={menuAction}
          onClose={closeMenu}
        />
      )}
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {knowledgeModel ? (
        <TableProblems table={table} issues={issues} serverProblems={serverProblems} analysis={analysis} onShow={show} onAddGapRule={addGapRule} />
      ) : (
        <>
          <TabList label={t('panels.label')} prefix="decision" tabs={[{ id: 'rules', label: t('panels.rules') }, ...sidePanelTabs]} selected={panel} onSelect={setPanel} />
          {panel === 'rules' && (
            <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
              <TableProblems table={table} issues={issues} serverProblems={serverProblems} analysis={analysis} onShow={show} onAddGapRule={addGapRule} />
            </section>
          )}
          <DecisionSidePanels
            panel={panel}
            ids={ids}
            artifact={artifact}
            decision={decision}
            latestVersion={latestVersion}
            onChange={onArtifactChange}
            onShowRule={(row) => show({ row, column: 0 })}
            onHighlightRules={(rules) => setHighlight({ artifact, rules })}
          />
        </>
      )}
      {columnDialog !== null && columnDialog < columnCount(table) && (
        <ColumnDialog
          table={table}
          column={columnDialog}
          scope={scope}
          itemDefinitions={itemDefinitions ?? []}
          onChange={onChange}
          onClose={() => {
            // The dialog gives the focus back to what opened it; the grid's selection shows the column.
            setColumnDialog(null);
            setCursor({ row: HEADER_ROW, column: columnDialog });
            if (dialogFromMenu) {
              setDialogFromMenu(false);
              setFocusRequest((n) => n + 1);
            }
          }}
        />
      )}
    </div>
  );
}
