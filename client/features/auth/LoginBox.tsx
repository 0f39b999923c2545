import { useEffect, useState, type FormEvent } from 'react';
import { CreateNodeDialog } from '../editing/CreateNodeDialog';
import { login, logout, refreshViewer, useViewer } from './session';
import { TokensPanel } from './TokensPanel';
import './auth.css';

const ROLE_LABELS = { reader: 'lecteur', editor: 'éditeur', admin: 'administrateur' } as const;

const LOGIN_ERRORS: Record<string, string> = {
  UNAUTHENTICATED: 'Adresse ou mot de passe incorrect.',
  FORBIDDEN: 'Trop d’essais : compte bloqué pour un moment.',
  NETWORK: 'Le serveur est injoignable.',
};

/** Log in / log out in the header; editors also find « Nouvel acteur » and « Nouveau dispositif » here. */
export function LoginBox() {
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<'ORGANISATION' | 'DISPOSITIF' | null>(null);
  const [tokens, setTokens] = useState(false);

  useEffect(() => {
    void refreshViewer();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await login(email, password);
    if (outcome.ok) {
      setOpen(false);
      setPassword('');
      setError(null);
    } else {
      setError(LOGIN_ERRORS[outcome.code] ?? 'Connexion impossible.');
    }
  }

  if (viewer) {
    return (
      <div className="login-box">
        {viewer.canEdit && (
          <>
            <button type="button" onClick={() => setCreating('ORGANISATION')}>
              Nouvel acteur
            </button>
            <button type="button" onClick={() => setCreating('DISPOSITIF')}>
              Nouveau dispositif
            </button>
          </>
        )}
        <span className="viewer" title={viewer.departements.join(', ')}>
          {viewer.email} ({ROLE_LABELS[viewer.role]})
        </span>
        <button type="button" onClick={() => setTokens(!tokens)} aria-expanded={tokens}>
          Jetons d’accès
        </button>
        <button type="button" onClick={() => void logout()}>
          Se déconnecter
        </button>
        {tokens && <TokensPanel onClose={() => setTokens(false)} />}
        {creating && <CreateNodeDialog kind={creating} onClose={() => setCreating(null)} />}
      </div>
    );
  }
  return (
    <div className="login-box">
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          Se connecter
        </button>
      )}
      {open && (
        <form className="login-form" onSubmit={(event) => void submit(event)} aria-label="Connexion">
          <label>
            Adresse e-mail
            <input
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </label>
          <label>
            Mot de passe
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </label>
          <button type="submit">Connexion</button>
          <button type="button" onClick={() => setOpen(false)}>
            Annuler
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
    </div>
  );
}
