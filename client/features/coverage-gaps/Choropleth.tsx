import { useMemo } from 'react';
import { MAP_ATTRIBUTION, nouvelleAquitaineMap } from './departements-map.js';
import { dispositifsOf, formatPopulation, STATUS_COLOURS, STATUS_TEXT } from './labels.js';
import type { CoverageCell } from './types.js';

export interface ChoroplethProps {
  cells: readonly CoverageCell[];
  selected: string | null;
  onSelect: (territoryId: string) => void;
  /** Accessible name of the map. */
  label: string;
}

const MAP = nouvelleAquitaineMap();

/** The départements of the région, coloured by coverage status; drawn offline from packaged geometry. */
export function Choropleth({ cells, selected, onSelect, label }: ChoroplethProps) {
  const byId = useMemo(() => new Map(cells.map((cell) => [cell.territory.id, cell])), [cells]);
  const { x, y, width, height } = MAP.viewBox;
  return (
    <figure className="coverage-map">
      <svg viewBox={`${x} ${y} ${width} ${height}`} role="group" aria-label={label}>
        {MAP.shapes.map((shape) => {
          const cell = byId.get(shape.id);
          const status = cell?.status;
          const text = status
            ? `${shape.name} : ${STATUS_TEXT[status].toLowerCase()}, ${formatPopulation(cell.population)} habitants, ${dispositifsOf(cell.dispositifCount)}`
            : `${shape.name} : hors du périmètre`;
          return (
            <path
              key={shape.id}
              d={shape.path}
              data-territory={shape.id}
              data-status={status ?? 'OUT'}
              className={selected === shape.id ? 'selected' : undefined}
              fill={status ? STATUS_COLOURS[status] : '#eeeeee'}
              role="button"
              tabIndex={cell ? 0 : -1}
              aria-label={text}
              aria-pressed={selected === shape.id}
              onClick={() => cell && onSelect(shape.id)}
              onKeyDown={(event) => {
                if (cell && (event.key === 'Enter' || event.key === ' ')) {
                  event.preventDefault();
                  onSelect(shape.id);
                }
              }}
            >
              <title>{text}</title>
            </path>
          );
        })}
        {MAP.shapes.map((shape) =>
          shape.bounds ? (
            <text
              key={`${shape.id}-label`}
              x={shape.bounds.x + shape.bounds.width / 2}
              y={shape.bounds.y + shape.bounds.height / 2}
              className="coverage-map-label"
              aria-hidden="true"
            >
              {shape.code}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="coverage-attribution">
        <a href={MAP_ATTRIBUTION.licence} target="_blank" rel="noreferrer">
          {MAP_ATTRIBUTION.text}
        </a>
      </figcaption>
    </figure>
  );
}
