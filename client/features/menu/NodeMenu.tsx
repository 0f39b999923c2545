import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import type { RelationType } from '../../vocabulary';
import { SuggestedQueryItems } from '../analysis/SuggestedQueryItems';
import { DEGREES_QUERY, expandItems } from './degrees';
import './menu.css';

export type NodeMenuCommand =
  | { type: 'expand'; relations: RelationType[] | null }
  | { type: 'collapse' }
  | { type: 'remove' }
  | { type: 'pin' }
  | { type: 'links' }
  | { type: 'pathFrom' }
  | { type: 'pathTo' };

export interface NodeMenuProps {
  id: string;
  name: string;
  expanded: boolean;
  pinned: boolean;
  position: { x: number; y: number };
  onCommand: (command: NodeMenuCommand) => void;
  onClose: () => void;
}

/** The node's context menu (right-click or the details panel's "Actions…" button), keyboard navigable. */
export function NodeMenu(props: NodeMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(props.position);
  // The node's own relationship types and counts, asked for when the menu opens.
  const types = useLoad(
    async (signal) => {
      const { data } = await request(DEGREES_QUERY, { ids: [props.id] }, { signal });
      return expandItems(data.nodes[0]?.degrees ?? []);
    },
    [props.id],
  );

  // Keep the whole menu on screen: shift it up or left when it would overflow.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    const margin = 8;
    setPosition({
      x: Math.max(margin, Math.min(props.position.x, window.innerWidth - box.width - margin)),
      y: Math.max(margin, Math.min(props.position.y, window.innerHeight - box.height - margin)),
    });
  }, [props.position, types]);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) props.onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
    // The menu is re-created for each node: focusing once on mount is what is wanted.
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focus(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focus(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focus(0);
        break;
      case 'End':
        event.preventDefault();
        focus(all.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        event.stopPropagation();
        props.onClose();
        break;
    }
  }

  const run = (command: NodeMenuCommand) => {
    props.onCommand(command);
    props.onClose();
  };
  const item = (label: string, command: NodeMenuCommand, key = label) => (
    <button key={key} type="button" role="menuitem" tabIndex={-1} onClick={() => run(command)}>
      {label}
    </button>
  );

  return (
    <div
      ref={menu}
      className="node-menu"
      role="menu"
      aria-label={`Actions sur ${props.name}`}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      <p className="node-menu-title" aria-hidden="true">
        {props.name}
      </p>
      {item('Déplier (tous les liens)', { type: 'expand', relations: null })}
      <div role="group" aria-label="Déplier par type de relation" className="node-menu-group">
        <p className="node-menu-heading" aria-hidden="true">
          Déplier par type de relation
        </p>
        {types.type === 'loading' && (
          <p className="node-menu-note" role="status">
            Chargement des liens…
          </p>
        )}
        {types.type === 'error' && <p className="node-menu-note">Liens indisponibles.</p>}
        {types.type === 'ready' && types.value.length === 0 && <p className="node-menu-note">Aucun lien.</p>}
        {types.type === 'ready' &&
          types.value.map(({ type, label, count }) =>
            item(`${label} (${count})`, { type: 'expand', relations: [type] }, type),
          )}
      </div>
      {props.expanded && item('Replier (retirer les voisins apportés)', { type: 'collapse' })}
      {item(props.pinned ? 'Désépingler' : 'Épingler (fixer la position)', { type: 'pin' })}
      {item('Retirer du graphe', { type: 'remove' })}
      {item('Chemin : partir de ce nœud', { type: 'pathFrom' })}
      {item('Chemin : arriver à ce nœud', { type: 'pathTo' })}
      {item('Afficher les liens entre les nœuds affichés', { type: 'links' })}
      <SuggestedQueryItems id={props.id} onDone={props.onClose} />
    </div>
  );
}
