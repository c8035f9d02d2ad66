// Who is signed in: the id token the identity provider handed over in the address's fragment, kept for this tab only,
// and the person, tenant and role its claims name. The API checks the token; this only decides what to show.
export type Role = 'manager' | 'collector';

export interface Person {
  username: string;
  name: string;
  tenantId: string;
  role: Role;
}

export interface Session {
  token: string;
  person: Person;
}

const STORAGE_KEY = 'arrears.idToken';

const decodePart = (part: string): unknown => {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** The person a token names, or null when it is not an id token of a manager or collector. */
export const personOf = (token: string): Person | null => {
  try {
    const claims = decodePart(token.split('.')[1] ?? '') as Record<string, unknown>;
    const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
    const role: Role | null = groups.includes('manager')
      ? 'manager'
      : groups.includes('collector')
        ? 'collector'
        : null;
    const username = claims['cognito:username'];
    const tenantId = claims['custom:tenantId'];
    if (role === null || typeof username !== 'string' || typeof tenantId !== 'string') return null;
    const name = typeof claims.name === 'string' ? claims.name : username;
    return { username, name, tenantId, role };
  } catch {
    return null;
  }
};

/** Keeps an id token for this tab: from the local sign-in's fragment, or from the deployed sign-in's code exchange. */
export const keepToken = (token: string): void => {
  sessionStorage.setItem(STORAGE_KEY, token);
};

/** Takes a token handed over in the fragment (`#id_token=…`) and removes it from the address and history. */
export const takeTokenFromAddress = (): void => {
  const match = /[#&]id_token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  keepToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
};

export const currentSession = (): Session | null => {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  const person = personOf(token);
  return person ? { token, person } : null;
};

export const signOut = (): void => {
  sessionStorage.removeItem(STORAGE_KEY);
};
