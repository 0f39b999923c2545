import { useEffect, useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { ERROR_MESSAGES, request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import type { NodeKind } from '../../vocabulary';
import { KindIcon } from '../legend/KindIcon';
import { flattenGroups, groupHits, moveActive, type Hit } from './grouping';
import { SEARCH_QUERY } from './queries';
import './search.css';

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;

export interface SearchBoxProps {
  label: string;
  placeholder?: string;
  kinds?: NodeKind[];
  /** How many hits to ask for. */
  first?: number;
  onChoose: (hit: Hit) => void;
  onTextChange?: (text: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Clear the box once a hit is chosen. */
  clearOnChoose?: boolean;
  className?: string;
}

/** A combobox that suggests nodes as one types, grouped by kind (WAI-ARIA combobox with listbox). */
export function SearchBox(props: SearchBoxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = text.trim();
  const kindsKey = props.kinds?.join(',') ?? '';
  const first = props.first ?? 30;
  // Typing fast asks once: the request waits for a pause, and a newer one aborts it.
  const search = useLoad(
    query.length >= MIN_LENGTH
      ? async (signal): Promise<Hit[]> => {
          const kinds = kindsKey ? (kindsKey.split(',') as NodeKind[]) : null;
          const { data } = await request(SEARCH_QUERY, { text: query, kinds, first }, { signal });
          return data.search.map((hit) => ({
            id: hit.node.id,
            kind: hit.node.kind,
            name: hit.node.name,
            score: hit.score,
          }));
        }
      : null,
    [query, kindsKey, first],
    { delay: DEBOUNCE_MS },
  );
  useEffect(() => {
    if (search.type === 'ready') setActive(-1);
  }, [search]);

  const groups = useMemo(() => (search.type === 'ready' ? groupHits(search.value) : []), [search]);
  const flat = useMemo(() => flattenGroups(groups), [groups]);
  const expanded = open && text.trim().length >= MIN_LENGTH;
  const optionId = (index: number) => `${id}-option-${index}`;

  function choose(hit: Hit) {
    props.onChoose(hit);
    setOpen(false);
    setActive(-1);
    if (props.clearOnChoose) {
      setText('');
      props.onTextChange?.('');
    } else setText(hit.name);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((current) => moveActive(current, flat.length, event.key as 'ArrowDown' | 'ArrowUp'));
        break;
      case 'Enter': {
        const hit = flat[active] ?? (active < 0 ? flat[0] : undefined);
        if (expanded && hit) {
          event.preventDefault();
          choose(hit);
        }
        break;
      }
      case 'Escape':
        event.stopPropagation();
        if (expanded) setOpen(false);
        else {
          setText('');
          props.onTextChange?.('');
        }
        setActive(-1);
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  let index = -1;
  return (
    <div className={`search-box ${props.className ?? ''}`}>
      <input
        ref={props.inputRef}
        type="search"
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={props.placeholder}
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          props.onTextChange?.(event.target.value);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <div className="search-popup" hidden={!expanded}>
        <p className="search-status" role="status" aria-live="polite">
          {search.type === 'loading' && 'Recherche…'}
          {search.type === 'error' && ERROR_MESSAGES[search.code]}
          {search.type === 'ready' &&
            (flat.length ? `${flat.length} résultat${flat.length > 1 ? 's' : ''}` : 'Aucun résultat')}
        </p>
        <ul id={listId} role="listbox" aria-label={`Suggestions : ${props.label}`}>
          {groups.map((group) => (
            <li key={group.kind} role="presentation">
              <div className="search-group-label" id={`${id}-group-${group.kind}`} role="presentation">
                <KindIcon kind={group.kind} /> {group.label} <span className="count">({group.count})</span>
              </div>
              <ul role="group" aria-labelledby={`${id}-group-${group.kind}`}>
                {group.hits.map((hit) => {
                  index += 1;
                  const current = index;
                  return (
                    <li
                      key={hit.id}
                      id={optionId(current)}
                      role="option"
                      aria-selected={current === active}
                      className={current === active ? 'active' : undefined}
                      data-id={hit.id}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => choose(hit)}
                      onMouseEnter={() => setActive(current)}
                    >
                      {hit.name}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
