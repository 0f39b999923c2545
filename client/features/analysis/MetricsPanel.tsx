import { useState } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { NETWORK_METRICS_QUERY } from './queries';
import { ResultView } from './ResultView';

/** Metrics of the whole partnership network, as a ranked table (PageRank first). */
export function MetricsPanel({ onOpen }: { onOpen: (ids: string[]) => void }) {
  const [asked, setAsked] = useState(false);
  const metrics = useLoad(asked ? (signal) => request(NETWORK_METRICS_QUERY, {}, { signal }) : null, [asked]);
  return (
    <section className="analysis-metrics" aria-label="Métriques du réseau">
      <h2>Métriques du réseau partenarial</h2>
      <button type="button" onClick={() => setAsked(true)} disabled={asked}>
        Calculer les métriques
      </button>
      {metrics.type === 'error' && <p role="alert">{failureMessage(metrics)}</p>}
      {metrics.type === 'ready' && (
        <>
          <p>
            {metrics.value.data.networkMetrics.communities.length} communautés, modularité{' '}
            {metrics.value.data.networkMetrics.modularity.toFixed(3)}
          </p>
          <ResultView
            preview={false}
            onOpen={onOpen}
            result={{
              columns: ['organisation', 'communauté', 'degré', 'degré pondéré', 'intermédiarité', 'PageRank'],
              rows: metrics.value.data.networkMetrics.nodes.map((row) => ({
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
                nodes: metrics.value.data.networkMetrics.nodes.map((row) => ({
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
