import { useId } from 'react';
import { ERROR_MESSAGES, request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { graphql } from '../../gql';
import type { SliceState } from '../graph/types';
import { summariseFunder, type Counted } from './summary';
import './ranked-list.css';
import { useEditRevision } from '../editing/revision';
import { WhatIfPanel } from './WhatIfPanel';

/** Funders: organisations with an outgoing FUNDS edge, with what they fund (to count it). */
export const FUNDERS_QUERY = graphql(`
  query Funders {
    funders {
      id
      name
      funds {
        target {
          id
        }
      }
    }
  }
`);

interface Funder {
  id: string;
  name: string;
  count: number;
}

function CountedList({
  title,
  items,
  onOpen,
}: {
  title: string;
  items: Counted[];
  onOpen: (id: string) => void;
}) {
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="hint">Aucun.</p>
      ) : (
        <ul className="ranked-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="link" onClick={() => onOpen(item.id)}>
                {item.name}
              </button>{' '}
              <span className="count">({item.count})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface FunderPanelProps {
  current: { id: string; slice: SliceState | null } | null;
  onChoose: (id: string) => void;
  onFocusNode: (id: string) => void;
}

/** A funder's view: what it funds, who carries and joins it, where it runs, co-funders, totals. */
export function FunderPanel(props: FunderPanelProps) {
  const id = useId();
  const revision = useEditRevision();
  const state = useLoad(
    async (signal): Promise<Funder[]> => {
      const { data } = await request(FUNDERS_QUERY, {}, { signal });
      return data.funders
        .map((funder) => ({
          id: funder.id,
          name: funder.name,
          count: new Set(funder.funds.map((link) => link.target.id)).size,
        }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr'));
    },
    [revision],
  );

  const slice = props.current?.slice?.type === 'ready' ? props.current.slice.value : null;
  const summary = slice && props.current ? summariseFunder(slice, props.current.id) : null;
  const euros = (value: number) =>
    value.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Vue financeur</h2>
      {state.type === 'loading' && <p role="status">Chargement des financeurs…</p>}
      {state.type === 'error' && <p role="alert">{ERROR_MESSAGES[state.code]}</p>}
      {state.type === 'ready' && (
        <label className="field">
          <span className="field-label">Financeur</span>
          <select
            value={props.current?.id ?? ''}
            onChange={(event) => event.target.value && props.onChoose(event.target.value)}
          >
            <option value="">Choisir un financeur…</option>
            {state.value.map((funder) => (
              <option key={funder.id} value={funder.id}>
                {funder.name} ({funder.count})
              </option>
            ))}
          </select>
        </label>
      )}
      {props.current?.slice?.type === 'loading' && <p role="status">Chargement…</p>}
      {props.current && (
        <WhatIfPanel
          organisation={{
            id: props.current.id,
            name:
              (state.type === 'ready'
                ? state.value.find((f) => f.id === props.current?.id)?.name
                : undefined) ?? props.current.id,
          }}
          title="Si ce financeur se retirait"
          onFocusNode={props.onFocusNode}
        />
      )}
      {summary && (
        <div className="funder-summary">
          <h3>Finance ({summary.funded.length})</h3>
          <ul className="ranked-list">
            {summary.funded.map((item) => (
              <li key={item.id}>
                <button type="button" className="link" onClick={() => props.onFocusNode(item.id)}>
                  {item.name}
                </button>
                {item.amount && ` — ${item.amount}`}
                {item.period && ` (${item.period})`}
              </li>
            ))}
          </ul>
          <CountedList title="Porteurs" items={summary.carriers} onOpen={props.onFocusNode} />
          <CountedList
            title="Partenaires et prescripteurs"
            items={summary.partners}
            onOpen={props.onFocusNode}
          />
          <CountedList title="Co-financeurs" items={summary.coFunders} onOpen={props.onFocusNode} />
          <h3>Par territoire ({summary.territories.length})</h3>
          <table className="totals">
            <caption className="visually-hidden">Dispositifs financés par territoire</caption>
            <thead>
              <tr>
                <th scope="col">Territoire</th>
                <th scope="col">Dispositifs</th>
                <th scope="col">Montant déclaré</th>
              </tr>
            </thead>
            <tbody>
              {summary.territories.map((item) => (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td>{item.count}</td>
                  <td>{item.amount === null ? 'non précisé' : euros(item.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Par thème ({summary.themes.length})</h3>
          <table className="totals">
            <caption className="visually-hidden">Dispositifs financés par thème</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col">Dispositifs</th>
              </tr>
            </thead>
            <tbody>
              {summary.themes.map((item) => (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td>{item.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
