import type { ChangeInput } from '../../gql/graphql';

export interface SourceDraft {
  title: string;
  url: string;
  reason: string;
}

export const EMPTY_SOURCE: SourceDraft = { title: '', url: '', reason: '' };

/** Every change cites a source: a URL, a document title, or « connaissance de terrain » when neither. */
export function changeInputOf(draft: SourceDraft): ChangeInput {
  return {
    source: { title: draft.title.trim() || null, url: draft.url.trim() || null },
    reason: draft.reason.trim() || null,
  };
}

export function SourceFields({
  value,
  onChange,
}: {
  value: SourceDraft;
  onChange: (next: SourceDraft) => void;
}) {
  return (
    <fieldset className="source-fields">
      <legend>Source de la modification</legend>
      <label>
        Titre du document
        <input
          value={value.title}
          placeholder="connaissance de terrain"
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </label>
      <label>
        Adresse (URL)
        <input type="url" value={value.url} onChange={(e) => onChange({ ...value, url: e.target.value })} />
      </label>
      <label>
        Motif
        <input value={value.reason} onChange={(e) => onChange({ ...value, reason: e.target.value })} />
      </label>
    </fieldset>
  );
}
