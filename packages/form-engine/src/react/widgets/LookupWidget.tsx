import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RecordFilter, SelectOption } from '@bankforge/data-model';
import type { LookupSource, WidgetProps } from './widget-props.js';

/** How long typing must pause before the options are fetched, so a search is not sent per keystroke. */
export const LOOKUP_SEARCH_DELAY_MS = 250;

/** The source narrowed to the one record a stored id names, to show that record's label. */
function recordWithId(source: LookupSource, id: string): LookupSource {
  const byId: RecordFilter = { field: 'id', op: 'eq', value: id };
  return { ...source, filter: source.filter ? { and: [source.filter, byId] } : byId };
}

/**
 * A reference to another record, chosen from options fetched as the user types (the WAI-ARIA
 * combobox pattern with a list box): Down opens and moves, Up moves, Enter chooses, Escape
 * closes and restores. Clearing the text clears the value.
 */
export function LookupWidget(props: WidgetProps & { searchDelayMs?: number }) {
  const { lookup, loadOptions, locale, messages } = props;
  const value = typeof props.value === 'string' && props.value !== '' ? props.value : null;
  const [known, setKnown] = useState<SelectOption | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<readonly SelectOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(-1);
  /** Bumped for every search the user asks for (typing, opening the list). */
  const [searches, setSearches] = useState(0);
  const latestSearch = useRef(0);
  const sourceKey = JSON.stringify(lookup ?? null);
  const delay = props.searchDelayMs ?? LOOKUP_SEARCH_DELAY_MS;

  // The label of a value set from outside (an existing record, a default).
  useEffect(() => {
    if (value === null || known?.value === value || !lookup || !loadOptions) return;
    let current = true;
    loadOptions(recordWithId(lookup, value), '').then(
      (found) => {
        const match = found.find((option) => option.value === value);
        if (current && match) setKnown(match);
      },
      () => undefined, // The id stays visible; the label is a courtesy.
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lookup and loadOptions are followed through sourceKey (hosts pass new but equal objects on every render); known is what this effect sets
  }, [value, sourceKey]);

  useEffect(() => {
    if (!open || !lookup || !loadOptions) return;
    const request = ++latestSearch.current;
    const timer = setTimeout(() => {
      loadOptions(lookup, (query ?? '').trim()).then(
        (found) => {
          if (request !== latestSearch.current) return;
          setOptions(found);
          setActive(found.length > 0 ? 0 : -1);
          setLoading(false);
        },
        () => {
          if (request !== latestSearch.current) return;
          setOptions([]);
          setLoading(false);
        },
      );
    }, delay);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one load per search asked for (searches), not per change of query or open; lookup and loadOptions through sourceKey
  }, [searches, sourceKey, delay]);

  const search = (text: string | null) => {
    setQuery(text);
    setOpen(true);
    setLoading(Boolean(lookup && loadOptions));
    setSearches((n) => n + 1);
  };

  const close = () => {
    latestSearch.current++;
    setOpen(false);
    setQuery(null);
    setActive(-1);
    setLoading(false);
  };

  const choose = (option: SelectOption) => {
    setKnown(option);
    close();
    props.onChange(option.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) search(query);
        else setActive((i) => Math.min(i + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter': {
        // Choosing an option must not submit the form.
        if (!open) break;
        event.preventDefault();
        const option = options[active];
        if (option && !loading) choose(option);
        break;
      }
      case 'Escape':
        if (!open) break;
        event.preventDefault();
        close();
        break;
    }
  };

  const listId = `${props.id}-listbox`;
  const optionId = (index: number) => `${props.id}-option-${index}`;
  const shownLabel = value === null ? '' : known?.value === value ? known.label[locale] : value;
  const expanded = open && !loading && options.length > 0;
  const editable = !props.readOnly && !props.disabled;

  return (
    <div className="bf-lookup">
      <input
        id={props.id}
        className="bf-input bf-lookup-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-required={props.required || undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        value={query ?? shownLabel}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        disabled={props.disabled}
        onChange={(event) => {
          search(event.target.value);
          if (event.target.value === '' && value !== null) props.onChange(null);
        }}
        onKeyDown={editable ? onKeyDown : undefined}
        onBlur={() => {
          close();
          props.onBlur();
        }}
      />
      <ul id={listId} className="bf-listbox" role="listbox" aria-labelledby={props.labelId} hidden={!expanded}>
        {expanded &&
          options.map((option, index) => (
            <li
              key={option.value}
              id={optionId(index)}
              className="bf-option"
              role="option"
              aria-selected={index === active}
              // Keep focus in the input, so choosing with the mouse does not blur the field first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.label[locale]}
            </li>
          ))}
      </ul>
      <span className="bf-lookup-status" role="status">
        {open && loading ? messages.loading : open && options.length === 0 ? messages.noOptions : ''}
      </span>
    </div>
  );
}
