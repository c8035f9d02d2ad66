// How the portal's answers go out: its pages with the locked-down headers of every debtor page (a logo the one image
// allowed, the hosted checkout the one place a form may lead), its redirects after a form, and where a request came from.
import type { RouteResult } from './api-handler';
import { header, type ApiEvent } from './api-context';
import { PAGE_HEADERS } from './public-page';
import type { PortalAnswer } from '../use-cases/portal-context';

const httpsOrigin = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
};

/**
 * The pages' policy: no script, inline styles only, the creditor's logo from its own origin, forms to this origin and
 * (for the card form, whose answer redirects there) the hosted checkout. Browsers check a form's redirects too.
 */
export const portalHeaders = (checkoutOrigins: readonly string[], logoUrl?: string): Record<string, string> => {
  const logo = httpsOrigin(logoUrl);
  return {
    ...PAGE_HEADERS,
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      ...(logo ? [`img-src ${logo}`] : []),
      `form-action 'self'${checkoutOrigins.map((origin) => ` ${origin}`).join('')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
  };
};

export const portalResponse = (deps: { checkoutOrigins: readonly string[] }, answer: PortalAnswer): RouteResult =>
  'location' in answer
    ? {
        status: 303,
        body: '',
        headers: { ...portalHeaders(deps.checkoutOrigins), location: answer.location },
        raw: true,
      }
    : {
        status: answer.status,
        body: answer.html,
        headers: portalHeaders(deps.checkoutOrigins, answer.logoUrl),
        raw: true,
      };

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$|\.localhost(:\d+)?$/i;

/** The scheme and host the customer's browser used: where the hosted checkout sends them back to. */
export const requestOrigin = (event: ApiEvent): string => {
  const host = header(event, 'host') ?? event.requestContext?.domainName ?? 'localhost';
  const forwarded = header(event, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : LOOPBACK.test(host) ? 'http' : 'https';
  return `${proto}://${host}`;
};
