import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../properties/FieldErrors.js';

export interface ComboOption {
  value: string;
  label: string;
}

export interface ComboboxProps {
  label: string;
  /** In a table cell the column heading says it: the label is for screen readers only. */
  hideLabel?: boolean;
  help?: string;
  /** The value chosen, `''` for none. */
  value: string;
  /** The text shown for `value` while the analyst is not typing. */
  shown: string;
  /** The choices for what was typed (`''`: the first of all). */
  search(text: string): Promise<readonly ComboOption[]>;
  /** How long typing must pause before `search` is asked (a server search, not per keystroke). */
  delayMs?: number;
  onChange(value: string): void;
  /** Said when nothing matches the text. */
  noMatch(text: string): string;
  problems?: readonly { message: string }[];
}

/**
 * Picks one value from a list searched as the analyst types (the WAI-ARIA combobox with a list
 * box): Down opens and moves, Up moves, Enter chooses, Escape closes and puts the chosen value's
 * text back; leaving the box without choosing keeps the value it had. Nothing typed is taken as it is.
 */
export function Combobox({ label, hideLabel, help, value, shown, search, delayMs = 0, onChange, noMatch, problems = [] }: ComboboxProps) {
  const { t } = useTranslation('flowDesigner');
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<readonly ComboOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(-1);
  const [searches, setSearches] = useState(0);
  const latest = useRef(0);
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });

  useEffect(() => {
    if (searches === 0) return;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      searchRef.current((text ?? '').trim()).then(
        (found) => {
          if (request !== latest.current) return;
          setOptions(found);
          setActive(found.length > 0 ? 0 : -1);
          setLoading(false);
        },
        () => {
          if (request !== latest.current) return;
          setOptions([]);
          setLoading(false);
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
    // One search per one asked for (typing, opening): not per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searches]);

  const ask = (next: string | null) => {
    setText(next);
    setOpen(true);
    setLoading(true);
    setSearches((n) => n + 1);
  };
  const close = () => {
    latest.current++;
    setOpen(false);
    setText(null);
    setActive(-1);
    setLoading(false);
  };
  const choose = (option: ComboOption) => {
    close();
    if (option.value !== value) onChange(option.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) ask(text);
        else setActive((i) => Math.min(i + 1, options.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((i) => Math.max(i - 1, 0));
        return;
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        const option = options[active];
        if (option !== undefined && !loading) choose(option);
        return;
      }
      case 'Escape':
        if (!open && text === null) return;
        // The list closes; the panel and the canvas keep their own Escape.
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
    }
  };

  const expanded = open && !loading && options.length > 0;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const describedBy = [help ? `${id}-help` : '', problems.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ') || undefined;
  const status = !open ? '' : loading ? t('picker.searching') : options.length === 0 ? noMatch(text ?? '') : t('picker.count', { count: options.length });
  return (
    <div className="form-row flow-combobox">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={problems.length > 0 || undefined}
        value={text ?? shown}
        onChange={(event) => ask(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <ul id={listId} role="listbox" aria-label={label} className="flow-combobox__list" hidden={!expanded}>
        {expanded &&
          options.map((option, index) => (
            <li
              key={option.value}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="flow-combobox__option"
              // The focus stays in the box: a click does not blur it before the choice is made.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.label}
            </li>
          ))}
      </ul>
      {/* Announced as it changes; seen too when nothing matches, since the list is then closed. */}
      <span role="status" className={open && !loading && options.length === 0 ? 'help flow-combobox__none' : 'visually-hidden'}>{status}</span>
      {help && <p id={`${id}-help`} className="help">{help}</p>}
      <FieldErrors problems={problems} id={`${id}-errors`} />
    </div>
  );
}
