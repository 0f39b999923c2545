import { useId } from 'react';
import type { SliceState } from '../graph/types';
import { SearchBox } from '../search/SearchBox';
import { describePath, pathSteps } from './describe';

export interface PathEnd {
  id: string;
  name: string;
}

export interface PathPanelProps {
  from: PathEnd | null;
  to: PathEnd | null;
  selected: PathEnd | null;
  current: SliceState | null;
  onFrom: (end: PathEnd | null) => void;
  onTo: (end: PathEnd | null) => void;
  onFind: (from: string, to: string) => void;
  onClear: () => void;
  onFocusNode: (id: string) => void;
}

function EndChooser(props: {
  label: string;
  value: PathEnd | null;
  selected: PathEnd | null;
  onChange: (end: PathEnd | null) => void;
}) {
  return (
    <div className="path-end">
      <p className="path-end-label">{props.label}</p>
      {props.value ? (
        <p>
          <strong>{props.value.name}</strong>{' '}
          <button type="button" onClick={() => props.onChange(null)} aria-label={`Changer : ${props.label}`}>
            Changer
          </button>
        </p>
      ) : (
        <>
          <SearchBox
            label={props.label}
            placeholder="Chercher un nœud…"
            clearOnChoose
            onChoose={(hit) => props.onChange({ id: hit.id, name: hit.name })}
          />
          {props.selected && (
            <button type="button" onClick={() => props.onChange(props.selected)}>
              Utiliser la sélection ({props.selected.name})
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** Shortest path between two nodes: highlighted on the canvas and written out as a chain. */
export function PathPanel(props: PathPanelProps) {
  const id = useId();
  const ready = props.current?.type === 'ready' ? props.current.value : null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Plus court chemin</h2>
      <EndChooser label="Départ" value={props.from} selected={props.selected} onChange={props.onFrom} />
      <EndChooser label="Arrivée" value={props.to} selected={props.selected} onChange={props.onTo} />
      <div className="button-row">
        <button
          type="button"
          disabled={!props.from || !props.to || props.from.id === props.to.id}
          onClick={() => props.from && props.to && props.onFind(props.from.id, props.to.id)}
        >
          Trouver le chemin
        </button>
        {props.current && (
          <button type="button" onClick={props.onClear}>
            Effacer le chemin
          </button>
        )}
      </div>
      {props.current?.type === 'loading' && <p role="status">Recherche du chemin…</p>}
      {ready && ready.nodes.length === 0 && <p role="status">Aucun chemin trouvé.</p>}
      {ready && ready.nodes.length > 0 && (
        <div className="path-result" role="status">
          <p className="path-chain" data-testid="path-chain">
            {describePath(ready)}
          </p>
          <ol className="path-steps">
            {pathSteps(ready).map((step, index) => (
              <li key={index}>
                <button type="button" className="link" onClick={() => props.onFocusNode(step.from.id)}>
                  {step.from.label}
                </button>{' '}
                <em>{step.relation}</em>{' '}
                <button type="button" className="link" onClick={() => props.onFocusNode(step.to.id)}>
                  {step.to.label}
                </button>
              </li>
            ))}
          </ol>
          <p className="hint">{ready.edges.length} lien(s). Les sources d’articles ne sont pas empruntées.</p>
        </div>
      )}
    </section>
  );
}
