import { useId } from 'react';
import type { ColorBy, SizeBy } from '../../cytoscape/stylesheet';
import type { Grouping } from './types';

export interface DisplayPanelProps {
  sizeBy: SizeBy;
  colorBy: ColorBy;
  grouping: Grouping;
  onSizeBy: (value: SizeBy) => void;
  onColorBy: (value: ColorBy) => void;
  onGrouping: (value: Grouping) => void;
}

function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Node size, colour and grouping: the legend follows. */
export function DisplayPanel(props: DisplayPanelProps) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Affichage</h2>
      <Choice
        legend="Taille des nœuds"
        name={`${id}-size`}
        value={props.sizeBy}
        onChange={props.onSizeBy}
        options={[
          { value: 'uniform', label: 'Uniforme' },
          { value: 'degree', label: 'Nombre de liens (degré)' },
          { value: 'weightedDegree', label: 'Degré pondéré' },
          { value: 'betweenness', label: 'Intermédiarité (betweenness)' },
          { value: 'pageRank', label: 'PageRank' },
        ]}
      />
      <Choice
        legend="Couleur des nœuds"
        name={`${id}-colour`}
        value={props.colorBy}
        onChange={props.onColorBy}
        options={[
          { value: 'kind', label: 'Par type de nœud' },
          { value: 'theme', label: 'Par thème (dispositifs et thèmes)' },
          { value: 'community', label: 'Par communauté (Louvain, sur le graphe affiché)' },
        ]}
      />
      <Choice
        legend="Regroupement"
        name={`${id}-group`}
        value={props.grouping}
        onChange={props.onGrouping}
        options={[
          { value: 'none', label: 'Aucun' },
          { value: 'kind', label: 'Par type de nœud' },
          { value: 'territory', label: 'Par département' },
        ]}
      />
    </section>
  );
}
