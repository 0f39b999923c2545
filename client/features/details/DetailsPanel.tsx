import { lazy, Suspense, useState } from 'react';
import { ERROR_MESSAGES, request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import type { NodeDetailsQuery } from '../../gql/graphql';
import {
  formatDate,
  formatValue,
  KIND_LABELS,
  propertyLabel,
  RELATION_TYPES,
  type NodeKind,
} from '../../vocabulary';
import { EditingTools } from '../editing/EditingTools';
import { NodeHistory } from '../editing/NodeHistory';
import { useEditRevision } from '../editing/revision';
import { parseFoldId } from '../graph/compose';
import type { ComposedGraph } from '../graph/types';
import { KindIcon } from '../legend/KindIcon';
import { EdgeDetails } from './EdgeDetails';
import { detailsPage, NODE_DETAILS_QUERY } from './queries';
import { groupRelations } from './relations';

type Details = NonNullable<NodeDetailsQuery['node']>;

const HIDDEN_PROPS = new Set(['id', 'name', 'version']);

/** Relations of the node, citations apart: the counts, not the page, which may stop short. */
type Counts = Details['relationCounts'];

const relationTotal = (counts: Counts) =>
  counts.filter((row) => row.type !== 'MENTIONED_IN').reduce((sum, row) => sum + row.count, 0);

const countOf = (counts: Counts, group: { type: string; direction: string }) =>
  counts.find((row) => row.type === group.type && row.direction === group.direction)?.count ?? 0;

export interface DetailsPanelProps {
  selection: { type: 'node'; id: string } | { type: 'edge'; id: string };
  graph: ComposedGraph;
  expanded: boolean;
  pinned: boolean;
  onOpen: (id: string) => void;
  onMenu: (anchor: HTMLElement) => void;
  onClose: () => void;
}

function SourceList({
  sources,
}: {
  sources: readonly { id: string; title: string; date?: string | null }[];
}) {
  if (!sources.length) return null;
  return (
    <ul className="source-list">
      {sources.map((source) => (
        <li key={source.id}>
          <span className="source-title">{source.title}</span>
          {source.date && <span className="source-date"> — {formatDate(source.date)}</span>}
        </li>
      ))}
    </ul>
  );
}

const WhatIfPanel = lazy(() => import('../funder/WhatIfPanel').then((m) => ({ default: m.WhatIfPanel })));

/** An operator's or funder's « Si cet acteur se retirait », computed once opened. */
function WithdrawalDetails({ organisation }: { organisation: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="what-if-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Si cet acteur se retirait…</summary>
      {open && (
        <Suspense fallback={<p role="status">Chargement…</p>}>
          <WhatIfPanel organisation={organisation} title="Si cet acteur se retirait" />
        </Suspense>
      )}
    </details>
  );
}

/** The selected node: kind, every property, and its relations grouped by type with their sources. */
function NodeDetails(props: DetailsPanelProps & { id: string }) {
  // An edit reloads the panel; « Historique » lists the node's changes.
  const revision = useEditRevision();
  const [tab, setTab] = useState<'details' | 'history'>('details');
  const state = useLoad(
    async (signal): Promise<Details | null> =>
      (await request(NODE_DETAILS_QUERY, { id: props.id, ...detailsPage(RELATION_TYPES) }, { signal })).data
        .node ?? null,
    [props.id, revision],
  );

  const counts = state.type === 'ready' && state.value ? state.value.relationCounts : [];
  const onCanvas = props.graph.nodes.get(props.id);
  const kind = (onCanvas?.kind ?? (state.type === 'ready' ? state.value?.kind : undefined)) as
    NodeKind | undefined;
  const name = (state.type === 'ready' ? state.value?.name : undefined) ?? onCanvas?.label ?? props.id;
  const properties = Object.entries(onCanvas?.props ?? {})
    .filter(([key]) => !HIDDEN_PROPS.has(key))
    .sort(([a], [b]) => a.localeCompare(b));

  return (
    <article className="details" aria-labelledby="details-title">
      <header className="details-header">
        <h2 id="details-title">
          {kind && <KindIcon kind={kind} size={16} />} {name}
        </h2>
        <p className="details-kind">
          {kind ? KIND_LABELS[kind].one : ''} · <code>{props.id}</code>
        </p>
        <div className="details-actions">
          <button type="button" onClick={(event) => props.onMenu(event.currentTarget)} aria-haspopup="menu">
            Actions…
          </button>
          {!props.expanded && (
            <button type="button" onClick={() => props.onOpen(props.id)}>
              Déplier
            </button>
          )}
          <button type="button" onClick={props.onClose} aria-label="Fermer les détails">
            ×
          </button>
        </div>
      </header>
      <EditingTools id={props.id} name={name} kind={kind} onDeleted={props.onClose} />
      {kind === 'ORGANISATION' && <WithdrawalDetails organisation={{ id: props.id, name }} />}
      <div className="details-tabs" role="tablist" aria-label="Vues de la fiche">
        <button type="button" role="tab" aria-selected={tab === 'details'} onClick={() => setTab('details')}>
          Fiche
        </button>
        <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
          Historique
        </button>
      </div>
      {tab === 'history' && <NodeHistory id={props.id} />}
      {tab === 'details' && (
        <>
          <section aria-label="Propriétés">
            <h3>Propriétés</h3>
            <dl className="properties">
              {properties.map(([key, value]) => (
                <div key={key}>
                  <dt>{propertyLabel(key)}</dt>
                  <dd>
                    {key === 'website' || key === 'url' ? (
                      <a href={String(value)} target="_blank" rel="noreferrer">
                        {String(value)}
                      </a>
                    ) : (
                      formatValue(key, value)
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          {state.type === 'loading' && <p role="status">Chargement des relations…</p>}
          {state.type === 'error' && <p role="alert">{ERROR_MESSAGES[state.code]}</p>}
          {state.type === 'ready' && state.value && (
            <>
              {state.value.sources.length > 0 && (
                <section aria-label="Cité dans">
                  <h3>Cité dans</h3>
                  <SourceList sources={state.value.sources} />
                </section>
              )}
              <section aria-label="Relations">
                <h3>Relations ({relationTotal(counts)})</h3>
                {groupRelations(state.value.relations).map((group) => (
                  <details key={group.key} className="relation-group" open={group.relations.length <= 12}>
                    <summary>
                      « {group.label} » <span className="count">({countOf(counts, group)})</span>
                    </summary>
                    <ul>
                      {group.relations.map((relation) => (
                        <li key={`${relation.node.id}`} className="relation">
                          <button
                            type="button"
                            className="link"
                            onClick={() => props.onOpen(relation.node.id)}
                          >
                            <KindIcon kind={relation.node.kind as NodeKind} /> {relation.node.name}
                          </button>
                          {relation.role && <span className="relation-meta"> — rôle : {relation.role}</span>}
                          {relation.amount && (
                            <span className="relation-meta"> — montant : {relation.amount}</span>
                          )}
                          {relation.period && (
                            <span className="relation-meta"> — période : {relation.period}</span>
                          )}
                          {relation.evidence && <p className="evidence">{relation.evidence}</p>}
                          <SourceList sources={relation.sources} />
                        </li>
                      ))}
                    </ul>
                    {countOf(counts, group) > group.relations.length && (
                      <p className="relation-meta">
                        … et {countOf(counts, group) - group.relations.length} autres
                      </p>
                    )}
                  </details>
                ))}
              </section>
            </>
          )}
          {state.type === 'ready' && !state.value && <p role="alert">{ERROR_MESSAGES.NOT_FOUND}</p>}
        </>
      )}
    </article>
  );
}

/** A fold (« 294 communes »): what it stands for, and the way to open it. */
function FoldDetails(props: DetailsPanelProps & { id: string; parent: string }) {
  const fold = props.graph.nodes.get(props.id);
  const parent = props.graph.nodes.get(props.parent)?.label ?? props.parent;
  return (
    <article className="details" aria-labelledby="details-title">
      <header className="details-header">
        <h2 id="details-title">
          <KindIcon kind="TERRITORY" size={16} /> {fold?.label ?? ''}
        </h2>
        <p className="details-kind">Territoires regroupés · dans {parent}</p>
        <div className="details-actions">
          <button
            type="button"
            onClick={() => {
              props.onOpen(props.id);
              props.onClose();
            }}
          >
            Déplier
          </button>
          <button type="button" onClick={props.onClose} aria-label="Fermer les détails">
            ×
          </button>
        </div>
      </header>
      <p className="hint">
        Regroupés pour que le graphe reste lisible : un double-clic sur le nœud, ou « Déplier », les affiche
        tous.
      </p>
    </article>
  );
}

export function DetailsPanel(props: DetailsPanelProps) {
  if (props.selection.type === 'node') {
    const fold = parseFoldId(props.selection.id);
    if (fold) return <FoldDetails {...props} id={props.selection.id} parent={fold.parent} />;
    return <NodeDetails {...props} id={props.selection.id} />;
  }
  const edge = props.graph.edges.get(props.selection.id);
  if (!edge) return null;
  return <EdgeDetails edge={edge} graph={props.graph} onOpen={props.onOpen} onClose={props.onClose} />;
}
