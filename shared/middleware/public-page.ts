// What the debtor's pages (pay, unsubscribe) answer and accept: locked-down headers, and form posts from their own origin only.
import { ForbiddenError, UnsupportedMediaTypeError } from '../errors/errors';
import { header, type ApiEvent } from './api-context';

/**
 * The pages carry no script and load nothing: the policy says so, so an injected tag would not run. Inline styles are
 * the pages' only styling. They may not be framed (clickjacking of the forms), and the token in their address is not
 * sent on to the tenant's checkout as a Referer. `same-origin`, not `no-referrer`: under `no-referrer` a browser's form
 * post says `Origin: null`, which the same-origin form rule below refuses (Chromium does exactly that).
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Refuses a post another site made a browser send (403 cross-site-form) and a body that is not a form (415).
 * Browsers say where a post comes from (Sec-Fetch-Site, Origin); a client that says neither is not a browser, so it
 * cannot be a forged post from another site (a mail provider's one-click unsubscribe is one of those).
 */
export const refuseForeignForm = (event: ApiEvent, accepted: readonly string[] = [FORM_CONTENT_TYPE]): void => {
  const site = header(event, 'sec-fetch-site');
  if (site !== undefined && site.trim().toLowerCase() !== 'same-origin') {
    throw new ForbiddenError(
      `this form takes posts from its own page only (Sec-Fetch-Site: ${site})`,
      'cross-site-form',
    );
  }
  const origin = header(event, 'origin');
  if (origin !== undefined) {
    const host = header(event, 'host') ?? event.requestContext?.domainName;
    let from: string | null;
    try {
      from = new URL(origin).host;
    } catch {
      from = null;
    }
    if (from === null || from === '' || from !== host)
      throw new ForbiddenError('this form takes posts from its own page only', 'cross-site-form');
  }
  const type = header(event, 'content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accepted.includes(type))
    throw new UnsupportedMediaTypeError(`the form must be posted as ${accepted.join(' or ')}`);
};
