// What the local request log may print of a request's address: link tokens are credentials, so they never reach the log.
import { apiRoutes } from '../functions/api/routes';

const REDACTED = '(redacted)';

/** Where a token sits in each route that takes one: `/v1/pay/{token}` → the segments before it. */
const TOKEN_PREFIXES: string[][] = apiRoutes
  .map((route) => route.path.split('/'))
  .filter((segments) => segments.includes('{token}'))
  .map((segments) => segments.slice(0, segments.indexOf('{token}')));

/**
 * Query parameters whose values are secrets wherever they appear (a token, a key, a signature), or personal data (what a
 * collector searched for: a name, an e-mail address, a phone number).
 */
const SECRET_QUERY = /token|key|secret|sig|password|auth|code|^q$/i;

/** The path and query as the log shows them: `/v1/pay/(redacted)/promise?token=(redacted)&lang=nb`. */
export const loggedTarget = (url: URL): string => {
  const segments = url.pathname.split('/');
  for (const prefix of TOKEN_PREFIXES) {
    const at = prefix.length;
    if (segments.length > at && prefix.every((segment, index) => segments[index] === segment)) segments[at] = REDACTED;
  }
  const query = [...url.searchParams].map(
    ([name, value]) => `${encodeURIComponent(name)}=${SECRET_QUERY.test(name) ? REDACTED : encodeURIComponent(value)}`,
  );
  return `${segments.join('/')}${query.length > 0 ? `?${query.join('&')}` : ''}`;
};
