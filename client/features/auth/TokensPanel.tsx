import { useEffect, useState, type FormEvent } from 'react';
import { createToken, listTokens, revokeToken, type AccessToken } from './tokens';

const TOKEN_ERRORS: Record<string, string> = {
  UNAUTHENTICATED: 'Session expirée : reconnectez-vous.',
  BAD_USER_INPUT: 'Donnez un nom au jeton (100 caractères au plus).',
  NOT_FOUND: 'Ce jeton n’existe plus.',
  NETWORK: 'Le serveur est injoignable.',
};
const errorOf = (code: string) => TOKEN_ERRORS[code] ?? 'Opération impossible.';

const formatDate = (iso: string) => new Date(iso).toLocaleString('fr-FR');

/** « Jetons d’accès »: create one (its secret shown once), list them, revoke one. */
export function TokensPanel({ onClose }: { onClose: () => void }) {
  const [tokens, setTokens] = useState<AccessToken[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reload() {
    const outcome = await listTokens();
    if (outcome.ok) setTokens(outcome.value);
    else setError(errorOf(outcome.code));
  }
  useEffect(() => {
    void reload();
  }, []);

  async function create(event: FormEvent) {
    event.preventDefault();
    const outcome = await createToken(name.trim());
    if (!outcome.ok) return setError(errorOf(outcome.code));
    setCreated({ name: outcome.value.name, token: outcome.value.token });
    setName('');
    setError(null);
    await reload();
  }

  async function revoke(token: AccessToken) {
    if (!window.confirm(`Révoquer le jeton « ${token.name} » ? Les scripts qui l’utilisent seront refusés.`))
      return;
    const outcome = await revokeToken(token.id);
    if (!outcome.ok) setError(errorOf(outcome.code));
    await reload();
  }

  return (
    <section className="tokens-panel" role="dialog" aria-label="Jetons d’accès">
      <header>
        <h2>Jetons d’accès</h2>
        <button type="button" onClick={onClose} aria-label="Fermer les jetons d’accès">
          ×
        </button>
      </header>
      <p>
        Pour les scripts et les outils : en-tête <code>Authorization: Bearer …</code>. Un jeton agit avec vos
        droits.
      </p>
      <form onSubmit={(event) => void create(event)} aria-label="Nouveau jeton">
        <label>
          Nom du jeton
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <button type="submit">Créer</button>
      </form>
      {created && (
        <div className="token-secret" role="status">
          <p>Jeton « {created.name} » créé. Copiez-le maintenant : il ne sera plus affiché.</p>
          <input
            readOnly
            value={created.token}
            aria-label="Nouveau jeton"
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {tokens && tokens.length === 0 && <p>Aucun jeton.</p>}
      {tokens && tokens.length > 0 && (
        <ul className="token-list" aria-label="Vos jetons">
          {tokens.map((token) => (
            <li key={token.id}>
              <span className="token-name">{token.name}</span>
              <span className="token-dates">créé le {formatDate(token.createdAt)}</span>
              <button type="button" onClick={() => void revoke(token)} aria-label={`Révoquer ${token.name}`}>
                Révoquer
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
