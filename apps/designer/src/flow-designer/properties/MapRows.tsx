import { useTranslation } from 'react-i18next';
import { freeKey, removeEntry, setEntry } from '../document/map-edits.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';
import { FlowFeelEditor } from './FlowFeelEditor.js';

/** A key or value typed freely, chosen from a list, or (values only) a FEEL expression. */
export type Cell = { kind: 'text' } | { kind: 'choice'; choices: readonly string[] } | { kind: 'feel'; names?: ReadonlySet<string> };

export interface MapRowsProps {
  legend: string;
  help?: string;
  map: Readonly<Record<string, string>>;
  /** The JSON Pointer of the map: each row's problems are shown with it. */
  path: string;
  keyCell: Cell;
  valueCell: Cell;
  /** Accessible names of row n's key and value ("Input 2", "Expression of input 2"). */
  keyLabel(number: number): string;
  valueLabel(number: number): string;
  addLabel: string;
  /** The key a new row starts with (numbered when taken). */
  newKey: string;
  onChange(map: Record<string, string>): void;
}

/**
 * A name → value map as rows (decision and subflow inputs and outputs, the record binding): each
 * row's key and value editable, removable, in the document's order.
 */
export function MapRows(props: MapRowsProps) {
  const { t } = useTranslation('flowDesigner');
  const { problemsAt, variableNames } = usePanel();
  const { map, path, onChange } = props;
  const entries = Object.entries(map);
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const rename = (from: string, to: string) => {
    // A name already in the map would replace that row: keep the box as it was.
    if (to !== from && to in map) return;
    onChange(setEntry(map, to, map[from] ?? '', from));
  };
  return (
    <fieldset className="flow-map">
      <legend>{props.legend}</legend>
      {props.help && <p className="help">{props.help}</p>}
      <ol>
        {entries.map(([key, value], index) => {
          const number = index + 1;
          return (
            <li key={index} className="flow-map__row">
              <CellInput cell={props.keyCell} label={props.keyLabel(number)} value={key} onChange={(k) => rename(key, k)} names={variableNames} />
              <CellInput cell={props.valueCell} label={props.valueLabel(number)} value={value} onChange={(v) => onChange(setEntry(map, key, v))} names={variableNames} />
              <FieldErrors problems={problemsAt(`${path}/${escape(key)}`)} />
              <button type="button" onClick={() => onChange(removeEntry(map, key))}>{t('map.remove', { name: props.keyLabel(number) })}</button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange(setEntry(map, freeKey(map, props.newKey), ''))}>{props.addLabel}</button>
    </fieldset>
  );
}

function CellInput({ cell, label, value, onChange, names }: { cell: Cell; label: string; value: string; onChange(value: string): void; names: ReadonlySet<string> }) {
  if (cell.kind === 'feel') return <FlowFeelEditor label={label} value={value} names={cell.names ?? names} onChange={onChange} />;
  if (cell.kind === 'choice') {
    const choices = [...new Set([value, ...cell.choices])].filter((c) => c !== '');
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {value === '' && <option value="">—</option>}
        {choices.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    );
  }
  return <input aria-label={label} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />;
}
