// Deployed sign-in: the console sends the person to Cognito's hosted pages with PKCE (RFC 7636) and, back with a one-time
// code, exchanges it for the id token the API accepts. The console is a public client (no secret): the verifier kept in
// this tab's sessionStorage is what proves that the code returns to the tab that asked for it, and the state that the
// return answers this tab's own request.
import type { CognitoAuth } from './config';

/** The part of sessionStorage used here (a Map-backed one in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What one sign-in keeps between leaving for the hosted pages and coming back. */
interface PendingSignIn {
  state: string;
  verifier: string;
}

export const PENDING_SIGN_IN_KEY = 'arrears.pendingSignIn';
/** The scopes the id token needs: the person's username and groups (openid), e-mail and name. */
export const SIGN_IN_SCOPES = 'openid email profile';

/** RFC 4648 §5 base64url without padding: what PKCE's verifier and challenge are written in. */
export const base64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** A random value of `byteCount` bytes from the platform's CSPRNG: 32 bytes make a 43-character verifier. */
export const randomValue = (byteCount = 32): string => base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export const challengeOf = async (verifier: string): Promise<string> =>
  base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

/**
 * Prepares a sign-in: a fresh verifier and state kept in `store`, and the hosted pages' address that carries the
 * challenge. The caller goes there (`location.assign`).
 */
export const beginSignIn = async (auth: CognitoAuth, redirectUri: string, store: KeyValueStore): Promise<string> => {
  const pending: PendingSignIn = { state: randomValue(16), verifier: randomValue(32) };
  store.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
  const url = new URL(auth.signInUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', auth.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', SIGN_IN_SCOPES);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('code_challenge', await challengeOf(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
};

export type SignInReturn =
  /** The address is not a return from the hosted pages. */
  | { kind: 'none' }
  | { kind: 'signed-in'; idToken: string }
  /** Why the sign-in did not complete, in words for the person. */
  | { kind: 'refused'; reason: string };

const pendingFrom = (store: KeyValueStore): PendingSignIn | null => {
  const text = store.getItem(PENDING_SIGN_IN_KEY);
  // One use only: a code that comes back twice (a reload, a replayed address) finds nothing to match.
  store.removeItem(PENDING_SIGN_IN_KEY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingSignIn>;
    return typeof value.state === 'string' && typeof value.verifier === 'string'
      ? { state: value.state, verifier: value.verifier }
      : null;
  } catch {
    return null;
  }
};

/**
 * Completes a sign-in when `address` is the hosted pages' return (`?code=…&state=…`, or `?error=…`): checks the state
 * against the one this tab kept, then exchanges the code with its verifier for the id token. The caller removes the
 * code from the address whatever the outcome.
 */
export const completeSignIn = async (
  auth: CognitoAuth,
  address: string,
  redirectUri: string,
  store: KeyValueStore,
  fetchImpl: typeof fetch = fetch,
): Promise<SignInReturn> => {
  const params = new URL(address).searchParams;
  const code = params.get('code');
  const error = params.get('error');
  if (code === null && error === null) return { kind: 'none' };
  const pending = pendingFrom(store);
  if (error !== null) {
    return { kind: 'refused', reason: `The sign-in was refused: ${params.get('error_description') ?? error}.` };
  }
  if (pending === null || params.get('state') !== pending.state) {
    return { kind: 'refused', reason: 'This sign-in was not started from this tab. Sign in again.' };
  }
  let response: Response;
  try {
    response = await fetchImpl(auth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: auth.clientId,
        code: code!,
        redirect_uri: redirectUri,
        code_verifier: pending.verifier,
      }).toString(),
    });
  } catch {
    return { kind: 'refused', reason: 'The sign-in service could not be reached. Sign in again.' };
  }
  const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!response.ok || typeof body.id_token !== 'string') {
    const detail = typeof body.error === 'string' ? ` (${body.error})` : '';
    return { kind: 'refused', reason: `The sign-in could not be completed${detail}. Sign in again.` };
  }
  return { kind: 'signed-in', idToken: body.id_token };
};

/** Where signing out goes: the hosted pages end their own session, then send the person back to the console. */
export const signOutAddress = (auth: CognitoAuth, redirectUri: string): string => {
  const url = new URL(auth.signOutUrl);
  url.searchParams.set('client_id', auth.clientId);
  url.searchParams.set('logout_uri', redirectUri);
  return url.toString();
};
