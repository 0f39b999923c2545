import { useEffect, useRef, useState } from 'react';
import { request } from '../../api/graphql-client';
import { useAtlas } from '../../state/store';
import { useViewer } from '../auth/session';
import { editErrorMessage } from '../editing/messages';
import { REVERT_CHANGE } from '../editing/queries';
import { bumpEditRevision } from '../editing/revision';
import {
  acceptedMatches,
  candidateKey,
  columnsOfMapping,
  FIELD_LABELS,
  firstMapping,
  guessColumns,
  mappingInput,
  NEW_MAPPINGS,
  progressShare,
  type ColumnChoice,
  type Decision,
  type ImportReportView,
} from './import-state';
import { CONFIRM_IMPORT, IMPORT_PROGRESS, PREVIEW_IMPORT } from './queries';
import { requestWithFiles } from './upload-request';
import './import.css';

type Progress = { phase: string; read: number; validated: number; written: number; total: number | null };

type Step =
  { type: 'idle' } | { type: 'loading'; action: 'preview' | 'confirm' } | { type: 'error'; message: string };

const STATUS_TEXT: Record<ImportReportView['status'], string> = {
  READY: 'Fichiers lus et validés : vérifiez les différences et les correspondances, puis confirmez.',
  UNCHANGED: 'Rien à changer : le graphe contient déjà cet import.',
  NEEDS_MAPPING:
    'Ce fichier n’est pas un export data·inclusion : indiquez quelle colonne contient quoi (correspondance).',
  INVALID: 'Des problèmes ont été trouvés : rien ne peut être importé.',
  WRITTEN: 'Import enregistré, en une seule modification du journal.',
};

const PHASES: Record<string, string> = {
  read: 'lecture',
  resolve: 'rapprochement',
  compare: 'comparaison',
  write: 'écriture',
  done: 'terminé',
};

/** Polls the progress of the import sent with `key` while it runs. */
function useProgress(key: string | null): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!key) return;
    let stopped = false;
    const poll = async () => {
      try {
        const { data } = await request(IMPORT_PROGRESS, { key });
        if (!stopped && data.importProgress) setProgress(data.importProgress);
      } catch {
        // A missed poll is no failure: the next one tells.
      }
    };
    const timer = window.setInterval(() => void poll(), 400);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [key]);
  return progress;
}

function DiffTable({ caption, rows }: { caption: string; rows: ImportReportView['nodes'] }) {
  if (rows.length === 0) return <p>{caption} : aucun.</p>;
  return (
    <table className="import-diff">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nature</th>
          <th scope="col">Nouveaux</th>
          <th scope="col">Modifiés</th>
          <th scope="col">Inchangés</th>
          <th scope="col">Disparus</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.kind}>
            <th scope="row">{row.kind}</th>
            <td>{row.new}</td>
            <td>{row.changed}</td>
            <td>{row.unchanged}</td>
            <td>{row.vanished}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * « Importer », for editors and admins: choose files, see the detected format (or
 * map a spreadsheet's columns), the problems, the diff and the candidate matches
 * (merged or kept apart one by one), confirm, follow the progress, then find the
 * import in the journal, where it is undone as one change.
 */
export function ImportWorkspace() {
  const { dispatch } = useAtlas();
  const viewer = useViewer();
  const [files, setFiles] = useState<File[]>([]);
  const [sourceTitle, setSourceTitle] = useState('');
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [ready, setReady] = useState('');
  const [columns, setColumns] = useState<ColumnChoice>({});
  const [mappingUsed, setMappingUsed] = useState<ReturnType<typeof mappingInput> | null>(null);
  const [step, setStep] = useState<Step>({ type: 'idle' });
  const [progressKey, setProgressKey] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  const progress = useProgress(progressKey);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new report takes the focus, so that a screen reader reads it from its heading.
  useEffect(() => {
    if (report) heading.current?.focus();
  }, [report]);

  if (!viewer?.canEdit) {
    return (
      <main className="app-main import-workspace">
        <h2>Importer</h2>
        <p>Connectez-vous avec un compte d’éditeur ou d’administrateur pour importer des données.</p>
      </main>
    );
  }

  async function run(action: 'preview' | 'confirm', mapping = mappingUsed) {
    const key = crypto.randomUUID();
    setProgressKey(key);
    setStep({ type: 'loading', action });
    try {
      if (action === 'preview') {
        const { data } = await requestWithFiles(PREVIEW_IMPORT, {
          files,
          mapping,
          acceptedMatches: report ? acceptedMatches(report.candidates, decisions) : [],
          progressKey: key,
        });
        const next = data.previewImport;
        setReport(next);
        setMappingUsed(mapping);
        if (next.status === 'NEEDS_MAPPING' && !ready) {
          const first = firstMapping(next);
          setReady(first.ready);
          setColumns(first.columns);
        }
      } else if (report) {
        const { data } = await requestWithFiles(CONFIRM_IMPORT, {
          files,
          mapping,
          acceptedMatches: acceptedMatches(report.candidates, decisions),
          sourceTitle: sourceTitle.trim() || null,
          progressKey: key,
        });
        setReport(data.confirmImport);
        if (data.confirmImport.status === 'WRITTEN') bumpEditRevision();
      }
      setStep({ type: 'idle' });
    } catch (error) {
      setStep({ type: 'error', message: editErrorMessage(error) });
    } finally {
      setProgressKey(null);
    }
  }

  async function undo(id: string) {
    try {
      await request(REVERT_CHANGE, { id, reason: 'Import annulé depuis la page « Importer »' });
      setUndone(true);
      bumpEditRevision();
    } catch (error) {
      setStep({ type: 'error', message: editErrorMessage(error) });
    }
  }

  function chooseFiles(list: FileList | null) {
    setFiles(list ? [...list] : []);
    setReport(null);
    setDecisions({});
    setMappingUsed(null);
    setReady('');
    setUndone(false);
    setStep({ type: 'idle' });
  }

  const busy = step.type === 'loading';
  const columnsOfFiles = [...new Set((report?.files ?? []).flatMap((file) => file.columns))];
  const share = progressShare(progress);

  return (
    <main className="app-main import-workspace" aria-labelledby="import-heading">
      <h2 id="import-heading">Importer des données</h2>
      <form
        className="import-form"
        aria-label="Fichiers à importer"
        onSubmit={(event) => {
          event.preventDefault();
          void run('preview', null);
        }}
      >
        <label>
          Fichiers (exports data·inclusion JSON ou CSV, ou tableur CSV ou XLSX)
          <input
            type="file"
            multiple
            accept=".json,.csv,.xlsx"
            onChange={(event) => chooseFiles(event.target.files)}
          />
        </label>
        <label>
          Titre de la source (facultatif)
          <input
            value={sourceTitle}
            maxLength={300}
            onChange={(event) => setSourceTitle(event.target.value)}
          />
        </label>
        <button type="submit" disabled={files.length === 0 || busy}>
          Analyser
        </button>
      </form>

      {busy && (
        <div className="import-progress">
          <label htmlFor="import-progress-bar">
            {step.action === 'preview' ? 'Analyse en cours' : 'Import en cours'}
            {progress ? ` (${PHASES[progress.phase] ?? progress.phase})` : ''}
          </label>
          <progress id="import-progress-bar" max={1} {...(share !== undefined ? { value: share } : {})} />
          <p role="status">
            {progress
              ? `Lignes lues : ${progress.read} · validées : ${progress.validated}${
                  progress.total ? ` · faits écrits : ${progress.written} / ${progress.total}` : ''
                }`
              : 'Envoi des fichiers…'}
          </p>
        </div>
      )}
      {step.type === 'error' && <p role="alert">{step.message}</p>}

      {report && (
        <section className="import-report" aria-labelledby="import-report-heading">
          <h3 id="import-report-heading" ref={heading} tabIndex={-1}>
            Résultat de l’analyse
          </h3>
          <p role="status">{STATUS_TEXT[report.status]}</p>

          <table className="import-files">
            <caption>Fichiers</caption>
            <thead>
              <tr>
                <th scope="col">Fichier</th>
                <th scope="col">Format détecté</th>
                <th scope="col">Lignes</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((file) => (
                <tr key={file.name}>
                  <th scope="row">{file.name}</th>
                  <td>{[file.kind ?? 'non reconnu', file.format].filter(Boolean).join(' · ')}</td>
                  <td>{file.rows ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {(report.status === 'NEEDS_MAPPING' || mappingUsed) && report.status !== 'WRITTEN' && (
            <form
              className="import-mapping"
              aria-label="Correspondance des colonnes"
              onSubmit={(event) => {
                event.preventDefault();
                void run('preview', mappingInput(report, ready, columns));
              }}
            >
              <label>
                Correspondance
                {/* Named apart: a wrapping label's name would also carry the chosen option's text. */}
                <select
                  aria-label="Correspondance"
                  value={ready}
                  onChange={(event) => {
                    const choice = event.target.value;
                    setReady(choice);
                    setColumns(
                      NEW_MAPPINGS.some((option) => option.value === choice)
                        ? guessColumns(report.mappingFields, columnsOfFiles)
                        : columnsOfMapping(report, choice),
                    );
                  }}
                >
                  {report.mappings.map((mapping) => (
                    <option key={mapping.name} value={mapping.name}>
                      {mapping.name} (
                      {mapping.entity === 'DISPOSITIF'
                        ? 'une ligne = un dispositif'
                        : 'une ligne = un acteur'}
                      )
                    </option>
                  ))}
                  {NEW_MAPPINGS.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset>
                <legend>Colonne de chaque champ</legend>
                {report.mappingFields.map((field) => (
                  <label key={field}>
                    {FIELD_LABELS[field] ?? field}
                    <select
                      aria-label={FIELD_LABELS[field] ?? field}
                      value={columns[field] ?? ''}
                      onChange={(event) => setColumns({ ...columns, [field]: event.target.value })}
                    >
                      <option value="">(aucune)</option>
                      {[...new Set([...columnsOfFiles, ...(columns[field] ? [columns[field]] : [])])].map(
                        (column) => (
                          <option key={column} value={column}>
                            {column}
                          </option>
                        ),
                      )}
                    </select>
                  </label>
                ))}
              </fieldset>
              <button type="submit" disabled={busy || !ready}>
                Analyser avec cette correspondance
              </button>
            </form>
          )}

          {report.problems.length > 0 && (
            <section aria-labelledby="import-problems-heading">
              <h4 id="import-problems-heading">Problèmes ({report.problems.length})</h4>
              <ul className="import-problems" aria-labelledby="import-problems-heading">
                {report.problems.map((problem, i) => (
                  <li key={i}>
                    <code>{problem.text}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {(report.nodes.length > 0 || report.links.length > 0) && (
            <section aria-labelledby="import-diff-heading">
              <h4 id="import-diff-heading">Différences avec le graphe</h4>
              <DiffTable caption="Nœuds" rows={report.nodes} />
              <DiffTable caption="Liens" rows={report.links} />
              {report.merged > 0 && (
                <p>
                  {report.merged} élément(s) rejoignent un nœud existant par un identifiant exact (SIRET,
                  identifiant data·inclusion).
                </p>
              )}
            </section>
          )}

          {report.candidates.length > 0 && (
            <section aria-labelledby="import-candidates-heading">
              <h4 id="import-candidates-heading">Correspondances possibles ({report.candidates.length})</h4>
              <ul className="import-candidates">
                {report.candidates.map((candidate) => {
                  const key = candidateKey(candidate);
                  const decision =
                    report.status === 'WRITTEN'
                      ? candidate.accepted
                        ? 'merge'
                        : 'apart'
                      : (decisions[key] ?? 'apart');
                  return (
                    <li key={key}>
                      <fieldset disabled={report.status === 'WRITTEN' || busy}>
                        <legend>
                          « {candidate.plannedName} » ({candidate.origin}) ressemble à «{' '}
                          {candidate.existingName} » <code>{candidate.existingId}</code> : {candidate.reason}
                        </legend>
                        <label>
                          <input
                            type="radio"
                            name={`match-${key}`}
                            checked={decision === 'merge'}
                            onChange={() => setDecisions({ ...decisions, [key]: 'merge' })}
                          />
                          Fusionner
                        </label>
                        <label>
                          <input
                            type="radio"
                            name={`match-${key}`}
                            checked={decision === 'apart'}
                            onChange={() => setDecisions({ ...decisions, [key]: 'apart' })}
                          />
                          Garder à part
                        </label>
                      </fieldset>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          {report.status === 'READY' && (
            <div className="import-actions">
              <button type="button" disabled={busy} onClick={() => void run('preview')}>
                Recompter avec ces choix
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void run('confirm')}>
                Confirmer l’import
              </button>
            </div>
          )}

          {report.status === 'WRITTEN' && report.change && (
            <div className="import-actions">
              <p>
                Modification <code>{report.change.id}</code> (source <code>{report.sourceId}</code>).
              </p>
              <button type="button" onClick={() => dispatch({ type: 'showChange', id: report.change!.id })}>
                Voir dans le journal
              </button>
              {!undone && (
                <button type="button" onClick={() => void undo(report.change!.id)}>
                  Annuler cet import
                </button>
              )}
              {undone && <p role="status">Import annulé.</p>}
            </div>
          )}
        </section>
      )}
    </main>
  );
}
