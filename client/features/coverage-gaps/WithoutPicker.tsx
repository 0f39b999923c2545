import { useId } from 'react';
import { request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { SearchBox } from '../search/SearchBox';
import { NODE_NAMES_QUERY } from './queries.js';

export interface WithoutPickerProps {
  /** Organisations (`org:…`) and dispositifs (`dis:…`) taken away. */
  ids: string[];
  onChange(ids: string[]): void;
}

/** « Sans… »: what-if, organisations or dispositifs taken away from the coverage, found by search. */
export function WithoutPicker({ ids, onChange }: WithoutPickerProps) {
  const id = useId();
  const names = useLoad(
    ids.length > 0
      ? async (signal) =>
          new Map(
            (await request(NODE_NAMES_QUERY, { ids }, { signal })).data.nodes.map((node) => [
              node.id,
              node.label,
            ]),
          )
      : null,
    [ids.join(',')],
  );
  const nameOf = (nodeId: string) => (names.type === 'ready' ? (names.value.get(nodeId) ?? nodeId) : nodeId);
  return (
    <fieldset className="coverage-filter coverage-without" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>Sans…</legend>
      <SearchBox
        label="Retirer une organisation ou un dispositif"
        placeholder="Organisation ou dispositif…"
        kinds={['ORGANISATION', 'DISPOSITIF']}
        first={15}
        clearOnChoose
        onChoose={(hit) => {
          if (!ids.includes(hit.id)) onChange([...ids, hit.id]);
        }}
      />
      {ids.length > 0 ? (
        <ul className="coverage-without-list" aria-label="Retirés de la couverture">
          {ids.map((nodeId) => (
            <li key={nodeId}>
              <span>{nameOf(nodeId)}</span>{' '}
              <button
                type="button"
                aria-label={`Remettre ${nameOf(nodeId)}`}
                onClick={() => onChange(ids.filter((other) => other !== nodeId))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Que perdrait-on si un financeur ou un opérateur se retirait ?</p>
      )}
    </fieldset>
  );
}
