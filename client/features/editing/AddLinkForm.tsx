import { useState, type FormEvent } from 'react';
import { request } from '../../api/graphql-client';
import { relationLabel, type NodeKind, type RelationType } from '../../vocabulary';
import type { Hit } from '../search/grouping';
import { SearchBox } from '../search/SearchBox';
import { RELATION_ENDPOINTS, relationsFrom } from './endpoints';
import { editErrorMessage } from './messages';
import { editingCanvas } from './canvas-bridge';
import { ADD_RELATIONSHIP, NODE_NAME_QUERY } from './queries';
import { bumpEditRevision } from './revision';
import { changeInputOf, EMPTY_SOURCE, SourceFields } from './SourceFields';

/** « Ajouter un lien »: a relationship from this node to one picked by search, with its evidence and source. */
export function AddLinkForm({ id, kind, onDone }: { id: string; kind: NodeKind; onDone: () => void }) {
  const types = relationsFrom(kind);
  const [type, setType] = useState<RelationType>(types[0]!);
  const [target, setTarget] = useState<Hit | null>(null);
  const [details, setDetails] = useState({ evidence: '', role: '', amount: '', period: '' });
  const [source, setSource] = useState(EMPTY_SOURCE);
  const [error, setError] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const canDraw = editingCanvas()?.positionOf(id) != null;

  /** The other node, drawn to on the canvas; the relation becomes one that fits both ends. */
  async function draw() {
    const canvas = editingCanvas();
    if (!canvas) return;
    setDrawing(true);
    setError(null);
    const to = await canvas.drawLinkFrom(id);
    setDrawing(false);
    if (!to) return;
    try {
      const node = (await request(NODE_NAME_QUERY, { id: to })).data.node;
      if (!node) return setError('Cet élément n’existe plus.');
      const fitting = types.filter((option) => RELATION_ENDPOINTS[option].to.includes(node.kind as NodeKind));
      if (fitting.length === 0) return setError(`Aucune relation possible vers « ${node.name} ».`);
      if (!fitting.includes(type)) setType(fitting[0]!);
      setTarget({ id: node.id, kind: node.kind as NodeKind, name: node.name, score: 1 });
    } catch (caught) {
      setError(editErrorMessage(caught));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return setError('Choisissez l’autre élément.');
    const clean = (value: string) => value.trim() || null;
    try {
      await request(ADD_RELATIONSHIP, {
        input: {
          type,
          from: id,
          to: target.id,
          evidence: clean(details.evidence),
          role: clean(details.role),
          amount: clean(details.amount),
          period: clean(details.period),
        },
        change: changeInputOf(source),
      });
      bumpEditRevision();
      onDone();
    } catch (caught) {
      setError(editErrorMessage(caught));
    }
  }

  return (
    <form className="edit-form" aria-label="Ajouter un lien" onSubmit={(event) => void submit(event)}>
      <label>
        Relation
        <select
          value={type}
          onChange={(e) => {
            setType(e.target.value as RelationType);
            setTarget(null);
          }}
        >
          {types.map((option) => (
            <option key={option} value={option}>
              {relationLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <SearchBox
        label="Avec"
        placeholder="Rechercher l’autre élément…"
        kinds={RELATION_ENDPOINTS[type].to}
        onChoose={setTarget}
      />
      {canDraw && (
        <button type="button" onClick={() => void draw()} disabled={drawing}>
          Tracer sur le graphe
        </button>
      )}
      {drawing && <p role="status">Cliquez sur l’autre élément dans le graphe (Échap : annuler).</p>}
      {target && <p className="chosen">Avec : {target.name}</p>}
      {(['evidence', 'role', 'amount', 'period'] as const).map((key) => (
        <label key={key}>
          {{ evidence: 'Ce qui l’atteste', role: 'Rôle', amount: 'Montant', period: 'Période' }[key]}
          <input value={details[key]} onChange={(e) => setDetails({ ...details, [key]: e.target.value })} />
        </label>
      ))}
      <SourceFields value={source} onChange={setSource} />
      {error && <p role="alert">{error}</p>}
      <button type="submit">Ajouter</button>
      <button type="button" onClick={onDone}>
        Annuler
      </button>
    </form>
  );
}
