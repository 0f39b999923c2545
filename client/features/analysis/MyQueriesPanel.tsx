import { useEffect, useState } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage, toFailure } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { useViewer } from '../auth/session';
import { consoleLinkUrl } from './console-link';
import type { ConsoleText } from './ConsolePanel';
import { deleteLocalQuery, readLocalQueries, saveLocalQuery, type OwnQuery } from './local-queries';
import { DELETE_ANALYST_QUERY, MY_QUERIES_QUERY, SAVE_ANALYST_QUERY } from './queries';

// Every server-side save cites a source: the first creates one, later ones cite it again.
let analystSourceId: string | null = null;
const changeInput = () => ({
  source: analystSourceId ? { id: analystSourceId } : { title: 'Requêtes d’analyste' },
});

/**
 * The analyst's own queries: save the console's text with a name and a
 * description, open it again, share it by link. Editors keep them on the server
 * (myQueries), everyone else in this browser.
 */
export function MyQueriesPanel({ text, onOpen }: { text: ConsoleText; onOpen: (text: ConsoleText) => void }) {
  const viewer = useViewer();
  const onServer = viewer?.canEdit ?? false;
  const [revision, setRevision] = useState(0);
  const [local, setLocal] = useState<OwnQuery[]>(() => readLocalQueries(window.localStorage));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remote = useLoad(onServer ? (signal) => request(MY_QUERIES_QUERY, {}, { signal }) : null, [
    onServer,
    revision,
  ]);
  useEffect(() => setEditing(null), [onServer]);
  const queries: OwnQuery[] = onServer ? (remote.type === 'ready' ? remote.value.data.myQueries : []) : local;

  async function save() {
    if (!title.trim()) return;
    const fields = {
      title: title.trim(),
      description: description.trim(),
      cypher: text.query,
      params: text.params,
    };
    setFailure(null);
    if (!onServer) {
      setLocal(saveLocalQuery(window.localStorage, { ...fields, ...(editing ? { id: editing } : {}) }));
    } else {
      try {
        const { data } = await request(SAVE_ANALYST_QUERY, {
          input: { ...fields, ...(editing ? { id: editing } : {}) },
          change: changeInput(),
        });
        analystSourceId = data.saveAnalystQuery.change.source?.id ?? analystSourceId;
        setRevision((n) => n + 1);
      } catch (error) {
        setFailure(failureMessage(toFailure(error)));
        return;
      }
    }
    setEditing(null);
    setTitle('');
    setDescription('');
  }

  async function remove(query: OwnQuery) {
    if (!onServer) {
      setLocal(deleteLocalQuery(window.localStorage, query.id));
      return;
    }
    try {
      const { data } = await request(DELETE_ANALYST_QUERY, { id: query.id, change: changeInput() });
      analystSourceId = data.deleteAnalystQuery.change.source?.id ?? analystSourceId;
      setRevision((n) => n + 1);
    } catch (error) {
      setFailure(failureMessage(toFailure(error)));
    }
  }

  return (
    <section className="analysis-own" aria-label="Mes requêtes">
      <h3>Mes requêtes</h3>
      <p className="analysis-hint">
        {onServer ? 'Enregistrées sur le serveur, à votre nom.' : 'Enregistrées dans ce navigateur.'}
      </p>
      <form
        aria-label="Enregistrer la requête"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          Nom
          <input value={title} required maxLength={200} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          Description
          <input
            value={description}
            maxLength={2000}
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        <button type="submit">{editing ? 'Remplacer' : 'Enregistrer'}</button>
      </form>
      {failure && <p role="alert">{failure}</p>}
      {remote.type === 'error' && <p role="alert">{failureMessage(remote)}</p>}
      {link && (
        <label>
          Lien à partager
          <input readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}
      <ul className="analysis-library">
        {queries.map((query) => (
          <li key={query.id}>
            <button
              type="button"
              title={query.description}
              onClick={() => {
                onOpen({ query: query.cypher, params: query.params });
                setEditing(query.id);
                setTitle(query.title);
                setDescription(query.description);
              }}
            >
              {query.title}
            </button>{' '}
            <button
              type="button"
              aria-label={`Lien vers ${query.title}`}
              onClick={() => {
                const url = consoleLinkUrl(window.location.origin, window.location.pathname, {
                  query: query.cypher,
                  params: query.params,
                  title: query.title,
                });
                setLink(url);
                void navigator.clipboard?.writeText(url).catch(() => undefined);
              }}
            >
              Lien
            </button>{' '}
            <button type="button" aria-label={`Supprimer ${query.title}`} onClick={() => void remove(query)}>
              Supprimer
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
