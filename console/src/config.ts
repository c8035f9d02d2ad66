// The console's settings, read at start from config.json beside it: the local runtime serves one, and the stack writes
// one into the bucket when deployed (where the sign-in lives, and where the API is when it is not this origin).
export interface LocalAuth {
  mode: 'local';
  /** The local identity provider's page: it comes back with `#id_token=…`. */
  signInUrl: string;
}

/** Cognito's hosted sign-in (infra/lib/console-stack.ts writes these): the code flow with PKCE, a public client. */
export interface CognitoAuth {
  mode: 'cognito';
  /** The authorize endpoint: `https://<prefix>.auth.<region>.amazoncognito.com/oauth2/authorize`. */
  signInUrl: string;
  /** Where the code is exchanged for the tokens. */
  tokenUrl: string;
  /** Where signing out ends the hosted pages' own session too. */
  signOutUrl: string;
  clientId: string;
}

export interface ConsoleConfig {
  /** The API's origin; empty for the console's own origin. */
  apiBase: string;
  auth: LocalAuth | CognitoAuth;
}

const LOCAL_DEFAULT: LocalAuth = { mode: 'local', signInUrl: '/local/auth/sign-in' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An https address (the console's own origin must not hand a code or a verifier to anything less). */
const httpsUrl = (auth: Record<string, unknown>, field: string): string => {
  const value = auth[field];
  if (typeof value !== 'string' || value === '') throw new Error(`config.json: auth.${field} is missing`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`config.json: auth.${field} is not an address`);
  }
  if (url.protocol !== 'https:') throw new Error(`config.json: auth.${field} must be an https address`);
  return value;
};

/**
 * The settings in config.json, checked: a file without `auth` is the local runtime's (as before the deployed sign-in
 * existed); anything the console could not sign people in with is refused here, with the field it lacks.
 */
export const parseConfig = (raw: unknown): ConsoleConfig => {
  if (!isRecord(raw)) throw new Error('config.json: not an object');
  if (raw.apiBase !== undefined && typeof raw.apiBase !== 'string') throw new Error('config.json: apiBase is not text');
  const apiBase = (raw.apiBase as string | undefined) ?? '';
  const auth = raw.auth;
  if (auth === undefined) return { apiBase, auth: LOCAL_DEFAULT };
  if (!isRecord(auth)) throw new Error('config.json: auth is not an object');
  if (auth.mode === 'local') {
    if (typeof auth.signInUrl !== 'string' || auth.signInUrl === '')
      throw new Error('config.json: auth.signInUrl is missing');
    return { apiBase, auth: { mode: 'local', signInUrl: auth.signInUrl } };
  }
  if (auth.mode === 'cognito') {
    if (typeof auth.clientId !== 'string' || auth.clientId === '')
      throw new Error('config.json: auth.clientId is missing');
    return {
      apiBase,
      auth: {
        mode: 'cognito',
        signInUrl: httpsUrl(auth, 'signInUrl'),
        tokenUrl: httpsUrl(auth, 'tokenUrl'),
        signOutUrl: httpsUrl(auth, 'signOutUrl'),
        clientId: auth.clientId,
      },
    };
  }
  throw new Error(`config.json: auth.mode ${JSON.stringify(auth.mode)} is neither local nor cognito`);
};
