/**
 * The Monaco side of the FEEL editor. Loaded only by a dynamic `import()` from FeelEditor, so
 * Monaco is its own chunk and the designer's first load stays small. Only the editor core is
 * imported (no bundled languages); the hover contribution shows marker messages, the suggest
 * contribution the names Ctrl+Space offers.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
// The suggest widget: Ctrl+Space lists the names the expression may read.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { FeelProblem } from './feel-check.js';
import { FEEL_LANGUAGE_ID, feelLanguageConfiguration, feelMonarch } from './feel-language.js';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const THEME = 'bankforge-feel';
const MAX_HEIGHT = 120;

/** Each open editor's names (by its model's URI), which Ctrl+Space offers. */
const namesByModel = new Map<string, () => readonly string[]>();

let registered = false;
function registerFeel(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: FEEL_LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(FEEL_LANGUAGE_ID, feelMonarch);
  monaco.languages.setLanguageConfiguration(FEEL_LANGUAGE_ID, feelLanguageConfiguration);
  // The names the expression may read, offered on Ctrl+Space (never while typing: Enter and Tab stay the form's).
  monaco.languages.registerCompletionItemProvider(FEEL_LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const names = namesByModel.get(model.uri.toString())?.() ?? [];
      return { suggestions: names.map((name) => ({ label: name, kind: monaco.languages.CompletionItemKind.Variable, insertText: name, range })) };
    },
  });
  monaco.editor.defineTheme(THEME, { base: 'vs', inherit: true, rules: [{ token: 'date', foreground: '8a3ffc' }], colors: {} });
}

/** A problem with its text already in the designer's language. */
export interface FeelMarker extends FeelProblem {
  text: string;
}

export interface FeelEditorHandle {
  setValue(value: string): void;
  setMarkers(markers: readonly FeelMarker[]): void;
  /** Focuses the editor, the caret at `offset` characters into the text when given. */
  focus(offset?: number): void;
  dispose(): void;
}

export interface FeelEditorMountOptions {
  value: string;
  ariaLabel: string;
  onChange(value: string): void;
  /** The names Ctrl+Space offers (read when asked, so they follow the host's props). */
  names?(): readonly string[];
}

export function mountFeelEditor(host: HTMLElement, options: FeelEditorMountOptions): FeelEditorHandle {
  registerFeel();
  const editor = monaco.editor.create(host, {
    value: options.value,
    language: FEEL_LANGUAGE_ID,
    theme: THEME,
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    // Rules are one-liners: no gutter, minimap or rulers; the box grows with the text.
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 4,
    minimap: { enabled: false },
    overviewRulerLanes: 0,
    renderLineHighlight: 'none',
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    scrollbar: { vertical: 'auto', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
    fontSize: 13,
    padding: { top: 4, bottom: 4 },
    // Tab leaves the editor, as in any form input; typed text stays exactly as typed.
    tabFocusMode: true,
    quickSuggestions: false,
    wordBasedSuggestions: 'off',
    autoClosingBrackets: 'never',
    autoClosingQuotes: 'never',
    fixedOverflowWidgets: true,
  });
  const model = editor.getModel()!;
  const uri = model.uri.toString();
  if (options.names) namesByModel.set(uri, options.names);
  let applying = false;
  const fit = () => {
    host.style.height = `${Math.min(editor.getContentHeight(), MAX_HEIGHT)}px`;
  };
  fit();
  editor.onDidContentSizeChange(fit);
  editor.onDidChangeModelContent(() => {
    if (!applying) options.onChange(model.getValue());
  });
  return {
    setValue(value) {
      if (value === model.getValue()) return;
      applying = true;
      model.setValue(value);
      applying = false;
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        FEEL_LANGUAGE_ID,
        markers.map((m) => ({
          severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: m.text,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.endLine,
          endColumn: m.endColumn,
        })),
      );
    },
    focus(offset) {
      const model = editor.getModel();
      if (offset !== undefined && model) editor.setPosition(model.getPositionAt(offset));
      editor.focus();
    },
    dispose() {
      namesByModel.delete(uri);
      editor.dispose();
      model.dispose();
    },
  };
}
