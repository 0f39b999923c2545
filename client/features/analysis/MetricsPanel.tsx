import { useId, useState } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { NETWORK_METRICS_QUERY } from './queries';
import { ResultView } from './ResultView';

/** Metrics of the whole partnership network, as a ranked table (PageRank first), whole or per community. */
export function MetricsPanel({ onOpen }: { onOpen: (ids: string[]) => void }) {
  const id = useId();
  const [asked, setAsked] = useState(false);
  const [community, setCommunity] = useState<number | null>(null);
  const metrics = useLoad(asked ? (signal) => request(NETWORK_METRICS_QUERY, {}, { signal }) : null, [asked]);
  const network = metrics.type === 'ready' ? metrics.value.data.networkMetrics : null;
  const ranked = network
    ? network.nodes.filter((row) => community === null || row.community === community)
    : [];
  const chosen = network?.communities.find((candidate) => candidate.id === community);
  return (
    <section className="analysis-metrics" aria-label="Métriques du réseau">
      <h2>Métriques du réseau partenarial</h2>
      <button type="button" onClick={() => setAsked(true)} disabled={asked}>
        Calculer les métriques
      </button>
      {metrics.type === 'error' && <p role="alert">{failureMessage(metrics)}</p>}
      {network && (
        <>
          <p>
            {network.communities.length} communautés, modularité {network.modularity.toFixed(3)}
            {network.betweennessMethod === 'SAMPLED'
              ? ` (intermédiarité estimée depuis ${network.betweennessSamples} organisations tirées au hasard : réseau trop grand pour le calcul exact)`
              : ''}
            {network.truncated
              ? ` ; réseau réduit à ses ${network.maxPairs.toLocaleString('fr-FR')} liens les plus forts`
              : ''}
          </p>
          <label htmlFor={`${id}-community`}>Classement</label>{' '}
          <select
            id={`${id}-community`}
            value={community ?? ''}
            onChange={(event) => setCommunity(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">Tout le réseau</option>
            {network.communities.map((entry) => (
              <option key={entry.id} value={entry.id}>
                Communauté {entry.id} ({entry.size} organisations)
              </option>
            ))}
          </select>
          {chosen && (
            <p className="hint">
              Les plus centrales : {chosen.central.map((member) => member.label).join(', ')}
            </p>
          )}
          <ResultView
            preview={false}
            onOpen={onOpen}
            result={{
              columns: [
                'organisation',
                'rang',
                'communauté',
                'degré',
                'degré pondéré',
                'intermédiarité',
                'PageRank',
              ],
              rows: ranked.map((row, index) => ({
                rang: index + 1,
                organisation: row.node.label,
                communauté: row.community,
                degré: row.degree,
                'degré pondéré': row.weightedDegree,
                intermédiarité: row.betweenness == null ? null : Number(row.betweenness.toFixed(4)),
                PageRank: Number(row.pageRank.toFixed(4)),
              })),
              truncated: false,
              elapsedMs: 0,
              graph: {
                nodes: ranked.map((row) => ({
                  id: row.node.id,
                  kind: 'ORGANISATION' as const,
                  label: row.node.label,
                })),
                edges: [],
              },
            }}
          />
        </>
      )}
    </section>
  );
}
