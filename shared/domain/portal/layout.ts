// The frame of every portal page: the creditor's header and footer, the language switcher, landmarks, and one small
// stylesheet (phone first, large touch targets, visible focus, AA contrast on the brand colour, a print version).
import { buttonColours } from '../contrast';
import type { Creditor } from '../creditor';
import { formatMoney } from '../money';
import { PORTAL_LOCALE_NAMES, PORTAL_LOCALES, say, type PortalLocale, type PortalWordKey } from './words';
import { escapeHtml } from '../messages/html';

export interface PortalFrame {
  token: string;
  locale: PortalLocale;
  /** The tag numbers and dates are formatted with (the customer's own region when it speaks the page's language). */
  intlLocale: string;
  /** The language asked for with ?lang=, carried on every link and form so the choice sticks. */
  requestedLang: string | null;
  /** Unknown on the page of a link that is not ours. */
  creditor: Creditor | null;
}

export { escapeHtml };

/** A word of the page's language, escaped for HTML. */
export const word = (frame: Pick<PortalFrame, 'locale'>, key: PortalWordKey, values: Record<string, string> = {}) =>
  escapeHtml(say(frame.locale, key, values));

export const money = (frame: Pick<PortalFrame, 'intlLocale'>, minor: number, currency: string): string =>
  formatMoney(minor, currency, frame.intlLocale);

export const longDate = (frame: Pick<PortalFrame, 'intlLocale'>, date: string): string =>
  new Intl.DateTimeFormat(frame.intlLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );

/** A portal address: `/portal/{token}` plus a sub-page, with the chosen language kept. */
export const portalHref = (
  frame: Pick<PortalFrame, 'token' | 'requestedLang'>,
  sub = '',
  query: Record<string, string> = {},
): string => {
  const params = new URLSearchParams({ ...query, ...(frame.requestedLang ? { lang: frame.requestedLang } : {}) });
  const search = params.toString();
  return `/portal/${frame.token}${sub}${search ? `?${search}` : ''}`;
};

const styles = (brandColour: string | undefined): string => {
  const button = buttonColours(brandColour);
  return [
    '*{box-sizing:border-box}',
    'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#fff}',
    '.wrap{max-width:40rem;margin:0 auto;padding:0 1rem}',
    'header{border-bottom:1px solid #c8c8c8;padding:.75rem 0}',
    'header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem;justify-content:space-between}',
    '.creditor{display:flex;align-items:center;gap:.75rem;font-weight:600}',
    '.creditor img{max-height:2.5rem;max-width:10rem}',
    'nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}',
    'nav a{display:inline-block;padding:.5rem .25rem;min-height:44px}',
    'main{padding:1rem 0 2rem}',
    'h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}',
    'h2{font-size:1.25rem;margin:2rem 0 .5rem}',
    'h3{font-size:1.0625rem;margin:0 0 .5rem}',
    'a{color:#0b4f9c}',
    'a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #b35c00;outline-offset:2px}',
    '.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}',
    '.card{border:1px solid #c8c8c8;border-radius:.5rem;padding:1rem;margin:0 0 1rem}',
    'dl{display:grid;grid-template-columns:1fr auto;gap:.25rem 1rem;margin:0}',
    'dt{color:#3d3d3d}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}',
    '.total{font-size:1.25rem;font-weight:700;display:flex;justify-content:space-between;gap:1rem;border-top:2px solid #1b1b1b;padding-top:.5rem}',
    'label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}',
    '.hint{color:#3d3d3d;margin:.25rem 0}',
    'input[type=text],input[type=date],select,textarea{width:100%;font:inherit;padding:.625rem;border:2px solid #5a5a5a;border-radius:.25rem;min-height:48px;background:#fff;color:#1b1b1b}',
    'fieldset{border:0;padding:0;margin:0}',
    '.check{display:flex;align-items:center;gap:.5rem;font-weight:400;margin:.5rem 0;min-height:44px}',
    '.check input{width:1.5rem;height:1.5rem}',
    `button{display:block;width:100%;margin:1rem 0 0;font:inherit;font-weight:600;padding:.75rem 1rem;min-height:48px;border:2px solid ${button.background};border-radius:.375rem;background:${button.background};color:${button.text};cursor:pointer}`,
    '.notice{padding:.75rem 1rem;border-radius:.375rem;margin:0 0 1rem;border-left:6px solid}',
    '.notice.done{background:#e8f4ea;border-color:#1e6b2f}.notice.refused{background:#fdecea;border-color:#a4161a}',
    'table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.5rem .25rem;border-bottom:1px solid #c8c8c8}',
    'td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}',
    'footer{border-top:1px solid #c8c8c8;padding:1rem 0 2rem;color:#3d3d3d}',
    'footer address{font-style:normal}',
    '@media (min-width:48rem){.wrap{max-width:48rem}button{width:auto}}',
    '@media print{nav,.langs,.no-print,form,.skip{display:none!important}body{font-size:11pt}a{color:#000;text-decoration:none}.card{break-inside:avoid}}',
  ].join('\n');
};

/** Every page's language switcher: plain links to the same page in each language, the current one marked. */
const languages = (frame: PortalFrame, path: string, query: Record<string, string>): string => {
  const items = PORTAL_LOCALE_NAMES.map((locale) => {
    const params = new URLSearchParams({ ...query, lang: locale });
    const name = escapeHtml(PORTAL_LOCALES[locale]['language.name']);
    return locale === frame.locale
      ? `<li><a href="${escapeHtml(`${path}?${params}`)}" lang="${locale}" aria-current="true"><strong>${name}</strong></a></li>`
      : `<li><a href="${escapeHtml(`${path}?${params}`)}" lang="${locale}" hreflang="${locale}">${name}</a></li>`;
  });
  return `<nav class="langs" aria-label="${word(frame, 'language.switch')}"><ul>${items.join('')}</ul></nav>`;
};

export interface PageOptions {
  title: string;
  /** The path of this page (no query), for the language switcher; absent on pages without a live token. */
  path?: string;
  /** The query this page needs besides lang (the plan's instalments). */
  query?: Record<string, string>;
  /** Whether the case navigation (account, statement) is shown. */
  navigation?: boolean;
  body: string;
}

/** The whole document. `title` is already plain text (it is escaped here). */
export const renderPage = (frame: PortalFrame, options: PageOptions): string => {
  const { creditor } = frame;
  const name = escapeHtml(creditor?.name ?? '');
  const logo = creditor?.brand.logoUrl
    ? `<img src="${escapeHtml(creditor.brand.logoUrl)}" alt="${word(frame, 'logo.alt', { name: creditor.name })}">`
    : '';
  const nav = options.navigation
    ? `<nav aria-label="${word(frame, 'nav.case')}"><ul><li><a href="${escapeHtml(portalHref(frame))}">${word(frame, 'nav.case')}</a></li><li><a href="${escapeHtml(portalHref(frame, '/statement'))}">${word(frame, 'nav.statement')}</a></li></ul></nav>`
    : '';
  const contact = [
    creditor?.supportEmail
      ? `${word(frame, 'footer.email')}: <a href="mailto:${escapeHtml(creditor.supportEmail)}">${escapeHtml(creditor.supportEmail)}</a>`
      : '',
    creditor?.supportPhone
      ? `${word(frame, 'footer.phone')}: <a href="tel:${escapeHtml(creditor.supportPhone)}">${escapeHtml(creditor.supportPhone)}</a>`
      : '',
  ].filter(Boolean);
  return [
    `<!doctype html><html lang="${frame.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(options.title)}${name && !options.title.includes(creditor?.name ?? '') ? ` · ${name}` : ''}</title>`,
    `<style>${styles(creditor?.brand.color)}</style></head><body>`,
    `<a class="skip" href="#main">${word(frame, 'skip')}</a>`,
    `<header><div class="wrap"><div class="creditor">${logo}<span>${name}</span></div>${nav}</div></header>`,
    `<main id="main"><div class="wrap">`,
    options.path ? languages(frame, options.path, options.query ?? {}) : '',
    `<h1>${escapeHtml(options.title)}</h1>`,
    options.body,
    '</div></main>',
    creditor
      ? [
          `<footer><div class="wrap"><p>${word(frame, 'footer.questions', { name: creditor.name })}</p>`,
          `<address>${escapeHtml(creditor.legalName)}${(creditor.address ?? []).map((line) => `<br>${escapeHtml(line)}`).join('')}${contact.map((line) => `<br>${line}`).join('')}</address>`,
          '</div></footer>',
        ].join('')
      : '',
    '</body></html>',
  ].join('\n');
};

/** The message at the top of a page after a form: a thank-you, or a refusal announced to screen readers. */
export const notice = (kind: 'done' | 'refused', text: string): string =>
  `<p class="notice ${kind}" role="${kind === 'refused' ? 'alert' : 'status'}">${escapeHtml(text)}</p>`;
