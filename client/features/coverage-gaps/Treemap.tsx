import { useMemo } from 'react';
import { nouvelleAquitaineMap } from './departements-map.js';
import { formatPopulation, STATUS_COLOURS, STATUS_TEXT } from './labels.js';
import { groupedTreemap } from './treemap.js';
import type { CoverageCell } from './types.js';

export interface TreemapProps {
  cells: readonly CoverageCell[];
  selected: string | null;
  onSelect: (territoryId: string) => void;
  label: string;
}

const WIDTH = 1000;
const HEIGHT = 640;
const HEADER = 16;
const DEPARTEMENT_NAMES = new Map(nouvelleAquitaineMap().shapes.map((shape) => [shape.id, shape.name]));

/**
 * EPCI, communes or bassins, which no packaged open geometry draws: one tile per
 * territory sized by population, grouped by département, coloured by status.
 */
export function Treemap({ cells, selected, onSelect, label }: TreemapProps) {
  const byId = useMemo(() => new Map(cells.map((cell) => [cell.territory.id, cell])), [cells]);
  const groups = useMemo(() => {
    const grouped = new Map<string, { id: string; value: number }[]>();
    for (const cell of cells) {
      const key = cell.departement?.id ?? '';
      let items = grouped.get(key);
      if (!items) grouped.set(key, (items = []));
      // Every territory keeps a visible tile, even one without inhabitants.
      items.push({ id: cell.territory.id, value: Math.max(cell.population, 1) });
    }
    return groupedTreemap(
      [...grouped].map(([id, items]) => ({ id, items })),
      { x: 0, y: 0, width: WIDTH, height: HEIGHT },
      { padding: 2, header: HEADER },
    );
  }, [cells]);

  return (
    <figure className="coverage-treemap">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label}>
        {groups.map((group) => (
          <g key={group.id} data-group={group.id}>
            <rect
              x={group.x}
              y={group.y}
              width={group.width}
              height={group.height}
              className="coverage-group"
            />
            {group.width > 40 ? (
              <text x={group.x + 4} y={group.y + HEADER - 3} className="coverage-group-label">
                {(DEPARTEMENT_NAMES.get(group.id) ?? group.id.replace(/^dep:/, '')).slice(
                  0,
                  Math.max(2, Math.floor(group.width / 7)),
                )}
              </text>
            ) : null}
            {group.tiles.map((tile) => {
              const cell = byId.get(tile.id);
              if (!cell) return null;
              const text = `${cell.territory.name} : ${STATUS_TEXT[cell.status].toLowerCase()}, ${formatPopulation(cell.population)} habitants`;
              return (
                <rect
                  key={tile.id}
                  x={tile.x}
                  y={tile.y}
                  width={tile.width}
                  height={tile.height}
                  fill={STATUS_COLOURS[cell.status]}
                  data-territory={tile.id}
                  data-status={cell.status}
                  className={selected === tile.id ? 'coverage-tile selected' : 'coverage-tile'}
                  onClick={() => onSelect(tile.id)}
                >
                  <title>{text}</title>
                </rect>
              );
            })}
            {group.tiles.map((tile) => {
              const cell = byId.get(tile.id);
              if (!cell || tile.width < 70 || tile.height < 14) return null;
              return (
                <text
                  key={`${tile.id}-label`}
                  x={tile.x + 3}
                  y={tile.y + 11}
                  className="coverage-tile-label"
                  data-status={cell.status}
                  aria-hidden="true"
                >
                  {cell.territory.name.slice(0, Math.floor(tile.width / 6))}
                </text>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="hint">
        Une tuile par territoire, de surface proportionnelle à sa population, regroupées par département. Le
        tableau ci-dessous donne les mêmes territoires au clavier.
      </figcaption>
    </figure>
  );
}
