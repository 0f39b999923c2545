import { useId, useState } from 'react';
import { useLoad } from '../../api/use-load';
import { failureMessage } from '../../api/loadable';
import { KIND_LABELS, NODE_KINDS, type NodeKind } from '../../vocabulary';
import type { SliceState } from '../graph/types';
import { SearchBox } from '../search/SearchBox';
import { describePath, pathSteps } from './describe';
import type { FindPath } from './follow-filters';
import { loadPaths } from './load-paths';
import {
  chosenKinds,
  crossedKinds,
  DEFAULT_PATH_KINDS,
  MAX_PATH_COUNT,
  PATH_COUNT,
  countOption,
  pathCount,
  type PathEntry,
} from './path-entry';

export interface PathEnd {
  id: string;
  name: string;
}

export interface PathPanelProps {
  from: PathEnd | null;
  to: PathEnd | null;
  selected: PathEnd | null;
  /** The path entry on the canvas, and its slice (the path drawn). */
  entry: PathEntry | null;
  current: SliceState | null;
  /** Kinds the explorer's filters hide: a path does not cross them. */
  hiddenKinds: readonly NodeKind[];
  onFrom: (end: PathEnd | null) => void;
  onTo: (end: PathEnd | null) => void;
  onFind: FindPath;
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

/**
 * The k shortest paths between two nodes, crossing only the kinds chosen (no
 * generic hubs by default) and none the filters hide: listed, and drawn one at a
 * time on the canvas, written out as a chain.
 */
export function PathPanel(props: PathPanelProps) {
  const id = useId();
  const { entry, hiddenKinds, onFind } = props;
  const [chosen, setChosen] = useState<readonly NodeKind[]>(entry?.kinds ?? DEFAULT_PATH_KINDS);
  const [count, setCount] = useState(entry ? pathCount(entry) : PATH_COUNT);
  const ready = props.current?.type === 'ready' ? props.current.value : null;
  const rank = entry?.rank ?? 0;
  const paths = useLoad(entry ? () => loadPaths(entry) : null, [
    entry && crossedKinds(entry)?.join('.'),
    entry?.from,
    entry?.to,
    entry && pathCount(entry),
  ]);
  const asked = {
    kinds: chosenKinds(chosen),
    hidden: NODE_KINDS.filter((kind) => chosen.includes(kind) && hiddenKinds.includes(kind)),
  };
  const nothingToCross = chosen.every((kind) => hiddenKinds.includes(kind));

  // A path already asked is asked again with the new k, keeping the path drawn when it is still listed.
  const changeCount = (next: number) => {
    setCount(next);
    if (entry)
      onFind(entry.from, entry.to, {
        kinds: entry.kinds ?? null,
        hidden: entry.hidden ?? [],
        ...countOption(next),
        rank: rank < next ? rank : 0,
      });
  };

  const toggle = (kind: NodeKind) =>
    setChosen((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Plus courts chemins</h2>
      <EndChooser label="Départ" value={props.from} selected={props.selected} onChange={props.onFrom} />
      <EndChooser label="Arrivée" value={props.to} selected={props.selected} onChange={props.onTo} />
      <fieldset className="path-kinds">
        <legend>Nœuds traversés</legend>
        {NODE_KINDS.map((kind) => {
          const hidden = hiddenKinds.includes(kind);
          return (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(kind) && !hidden}
                disabled={hidden}
                onChange={() => toggle(kind)}
              />
              {KIND_LABELS[kind].many}
              {hidden ? ' (masqués par les filtres)' : ''}
            </label>
          );
        })}
        <p className="hint">
          Les extrémités peuvent être de tout type. Par défaut, ni publics, ni thèmes, ni sources, ni la
          région ne sont traversés ; la région l’est dès que les types sont choisis et comprennent les
          territoires.
        </p>
      </fieldset>
      <label className="path-count">
        Nombre de chemins{' '}
        <select value={count} onChange={(event) => changeCount(Number(event.target.value))}>
          {Array.from({ length: MAX_PATH_COUNT }, (_, index) => index + 1).map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button
          type="button"
          disabled={!props.from || !props.to || props.from.id === props.to.id || nothingToCross}
          onClick={() =>
            props.from &&
            props.to &&
            onFind(props.from.id, props.to.id, { ...asked, ...countOption(count), rank: 0 })
          }
        >
          Trouver le chemin
        </button>
        {props.current && (
          <button type="button" onClick={props.onClear}>
            Effacer le chemin
          </button>
        )}
      </div>
      {(props.current?.type === 'loading' || paths.type === 'loading') && (
        <p role="status">Recherche des chemins…</p>
      )}
      {paths.type === 'error' && <p role="alert">{failureMessage(paths)}</p>}
      {paths.type === 'ready' && paths.value.length === 0 && <p role="status">Aucun chemin trouvé.</p>}
      {entry && paths.type === 'ready' && paths.value.length > 0 && (
        <ol className="path-list" aria-label="Chemins trouvés">
          {paths.value.map((path, index) => (
            <li key={index}>
              <button
                type="button"
                className="link"
                aria-pressed={index === rank}
                onClick={() =>
                  onFind(entry.from, entry.to, {
                    kinds: entry.kinds ?? null,
                    hidden: entry.hidden ?? [],
                    ...countOption(pathCount(entry)),
                    rank: index,
                  })
                }
              >
                Chemin {index + 1} ({path.edges.length} lien{path.edges.length > 1 ? 's' : ''})
              </button>
              <span className="path-list-chain"> {describePath(path)}</span>
            </li>
          ))}
        </ol>
      )}
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
          <p className="hint">
            Chemin {rank + 1} dessiné : {ready.edges.length} lien(s). Les sources d’articles ne sont pas
            empruntées.
          </p>
        </div>
      )}
    </section>
  );
}
