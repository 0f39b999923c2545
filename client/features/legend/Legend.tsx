import { SIZE_LABELS, type Legend as LegendData } from '../../cytoscape/legend';
import { EDGE_STYLES } from '../../cytoscape/stylesheet';
import { ShapeIcon } from './KindIcon';
import './legend.css';

/** What each colour, shape and line means, from the entries that built the stylesheet. */
export function Legend({ legend }: { legend: LegendData }) {
  if (!legend.shapes.length) return null;
  return (
    <details className="legend" open aria-label="Légende">
      <summary>
        <h2>Légende</h2>
      </summary>
      <ul className="legend-list">
        {legend.shapes.map((entry) => (
          <li key={entry.key} data-legend-kind={entry.key}>
            <ShapeIcon shape={entry.shape} color={entry.color} /> {entry.label}{' '}
            <span className="count">{entry.count}</span>
          </li>
        ))}
      </ul>
      {legend.colours.length > 0 && (
        <>
          <h3>Couleur : {legend.colorBy === 'community' ? 'communauté' : 'thème'}</h3>
          <ul className="legend-list">
            {legend.colours.map((entry) => (
              <li key={entry.key} data-legend-colour={entry.key}>
                <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />{' '}
                {entry.label}
              </li>
            ))}
          </ul>
        </>
      )}
      {legend.edges.length > 0 && (
        <>
          <h3>Liens</h3>
          <ul className="legend-list">
            {legend.edges.map((entry) => (
              <li key={entry.type} data-legend-edge={entry.type}>
                <svg width="26" height="10" aria-hidden="true">
                  <line
                    x1="1"
                    y1="5"
                    x2="21"
                    y2="5"
                    stroke={EDGE_STYLES[entry.type].color}
                    strokeWidth="2"
                    strokeDasharray={
                      entry.line === 'dashed' ? '5 3' : entry.line === 'dotted' ? '1.5 2.5' : undefined
                    }
                  />
                  {entry.directed && <path d="M21,1 L26,5 L21,9 Z" fill={entry.color} />}
                </svg>{' '}
                {entry.label} <span className="count">{entry.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="legend-size">{SIZE_LABELS[legend.size]}</p>
    </details>
  );
}
