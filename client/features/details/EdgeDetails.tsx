import { ERROR_MESSAGES, request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { graphql } from '../../gql';
import {
  formatDate,
  formatValue,
  propertyLabel,
  relationLabel,
  STATUS_LABELS,
  type DispositifStatus,
} from '../../vocabulary';
import type { ComposedGraph, SliceEdge } from '../graph/types';

/** The sources of one relationship: `edgesAmong` its two ends, narrowed to its type. */
export const EDGE_SOURCES_QUERY = graphql(`
  query EdgeSources($ids: [ID!]!, $relations: [String!]) {
    edgesAmong(ids: $ids, relations: $relations) {
      id
      sourceNodes {
        id
        title
        date
      }
    }
  }
`);

export const PARTNERSHIP_DETAILS_QUERY = graphql(`
  query PartnershipDetails($id: ID!) {
    node(id: $id) {
      id
      ... on Organisation {
        partners {
          organisation {
            id
            name
          }
          dispositifs {
            id
            name
            status
          }
          direct
          weight
        }
      }
    }
  }
`);

interface Provenance {
  evidence: string | null;
  sources: { id: string; title: string; date?: string | null }[];
}
type SharedDispositif = { id: string; name: string; status?: string | null };

interface EdgeExtras {
  provenance: Provenance | null;
  shared: SharedDispositif[] | null;
}

async function loadEdge(edge: SliceEdge, signal: AbortSignal): Promise<EdgeExtras> {
  if (edge.type === 'PARTNERS') {
    const { data } = await request(PARTNERSHIP_DETAILS_QUERY, { id: edge.source }, { signal });
    const node = data.node;
    const partners = node && 'partners' in node ? (node.partners ?? []) : [];
    const partnership = partners.find((partner) => partner.organisation.id === edge.target);
    return { provenance: null, shared: partnership?.dispositifs ?? [] };
  }
  const { data } = await request(
    EDGE_SOURCES_QUERY,
    { ids: [edge.source, edge.target], relations: [edge.type] },
    { signal },
  );
  const found = data.edgesAmong.find((item) => item.id === edge.id);
  const evidence = typeof edge.props.evidence === 'string' ? edge.props.evidence : null;
  return {
    provenance: found || evidence ? { evidence, sources: found?.sourceNodes ?? [] } : null,
    shared: null,
  };
}

/** The selected edge: its ends, properties, evidence and sources; shared dispositifs for a partnership. */
export function EdgeDetails(props: {
  edge: SliceEdge;
  graph: ComposedGraph;
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const { edge } = props;
  const state = useLoad((signal) => loadEdge(edge, signal), [edge]);

  const source = props.graph.nodes.get(edge.source);
  const target = props.graph.nodes.get(edge.target);
  // Evidence is shown with the sources, under Provenance.
  const properties = Object.entries(edge.props).filter(
    ([key]) => key !== 'dispositifs' && key !== 'evidence',
  );

  return (
    <article className="details" aria-labelledby="details-title">
      <header className="details-header">
        <h2 id="details-title">
          {source?.label ?? edge.source} — « {relationLabel(edge.type)} » — {target?.label ?? edge.target}
        </h2>
        <div className="details-actions">
          <button type="button" onClick={props.onClose} aria-label="Fermer les détails">
            ×
          </button>
        </div>
      </header>
      <p>
        <button type="button" className="link" onClick={() => props.onOpen(edge.source)}>
          {source?.label ?? edge.source}
        </button>{' '}
        {relationLabel(edge.type)}{' '}
        <button type="button" className="link" onClick={() => props.onOpen(edge.target)}>
          {target?.label ?? edge.target}
        </button>
      </p>
      {properties.length > 0 && (
        <dl className="properties">
          {properties.map(([key, value]) => (
            <div key={key}>
              <dt>{propertyLabel(key)}</dt>
              <dd>{formatValue(key, value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {state.type === 'loading' && <p role="status">Chargement…</p>}
      {state.type === 'error' && <p role="alert">{ERROR_MESSAGES[state.code]}</p>}
      {state.type === 'ready' && state.value.provenance && (
        <section aria-label="Provenance">
          {state.value.provenance.evidence && <p className="evidence">{state.value.provenance.evidence}</p>}
          <ul className="source-list">
            {state.value.provenance.sources.map((item) => (
              <li key={item.id}>
                <span className="source-title">{item.title}</span>
                {item.date && <span className="source-date"> — {formatDate(item.date)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.type === 'ready' && state.value.shared && (
        <section aria-label="Dispositifs partagés">
          <h3>Dispositifs partagés ({state.value.shared.length})</h3>
          <ul>
            {state.value.shared.map((item) => (
              <li key={item.id}>
                <button type="button" className="link" onClick={() => props.onOpen(item.id)}>
                  {item.name}
                </button>
                {item.status && ` (${STATUS_LABELS[item.status as DispositifStatus] ?? item.status})`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
