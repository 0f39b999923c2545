import type { ChangeFieldsFragment } from '../../gql/graphql';

const KIND_TEXT: Record<ChangeFieldsFragment['kind'], string> = {
  CREATE: 'Création',
  UPDATE: 'Modification',
  DELETE: 'Suppression',
  LINK: 'Lien ajouté',
  UNLINK: 'Lien retiré',
  MERGE: 'Fusion',
  REVERT: 'Annulation',
};

/** One change of the audit trail: when, who, what it touched, why and on what authority. */
export function ChangeItem({
  change,
  current = false,
  children,
}: {
  change: ChangeFieldsFragment;
  /** The change the view was opened on: marked, and announced as the current item. */
  current?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <li
      className={current ? 'change change--current' : 'change'}
      data-change={change.id}
      aria-current={current || undefined}
    >
      <strong>{KIND_TEXT[change.kind]}</strong> — {new Date(change.at).toLocaleString('fr-FR')} —{' '}
      {change.authorEmail}
      <div className="change-fields">
        {change.fields.filter((field) => !field.startsWith('MENTIONED_IN')).join(', ')}
      </div>
      {change.reason && <div className="change-reason">Motif : {change.reason}</div>}
      {change.source && <div className="change-source">Source : {change.source.title}</div>}
      {change.revertedBy && <div className="change-reverted">Annulée</div>}
      {children}
    </li>
  );
}
