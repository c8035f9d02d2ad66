// The portal's HTML as a screen reader and a strict browser meet it: one h1, every control labelled, the page's
// language declared, no script anywhere, a print version, and what the customer typed escaped.
import type { PortalFrame } from '../../../../shared/domain/portal/layout';
import { renderCasePage, renderEndPage, type CasePageFacts } from '../../../../shared/domain/portal/pages';

const frame: PortalFrame = {
  token: 'abc.def',
  locale: 'sv',
  intlLocale: 'sv-SE',
  requestedLang: null,
  creditor: {
    name: 'Nordlys <Energi>',
    legalName: 'Nordlys Energi AS',
    supportEmail: 'help@nordlys.example',
    brand: { color: '#0b3d91', logoUrl: 'https://cdn.example/logo.png' },
  },
};

const facts: CasePageFacts = {
  currency: 'SEK',
  lines: [
    {
      id: 'inv-1',
      description: 'Ström <oktober>',
      dueDate: '2026-11-01',
      amount: 100_000,
      fees: 6_000,
      interest: 1_234,
      paid: 0,
      balance: 107_234,
    },
  ],
  total: 107_234,
  caseStatus: 'active',
  promise: null,
  card: true,
  ownPayUrl: null,
  reference: 'RF18539007547034',
  promiseOffer: { amount: 107_234, earliest: '2026-12-10', latest: '2027-02-08' },
  planOffer: { amount: 107_234, most: 6 },
  disputable: [{ id: 'inv-1', description: null }],
  channels: { email: 'on', sms: 'stopped' },
  notice: { kind: 'refused', text: 'Välj en orsak. <b>' },
  typed: { text: '</textarea><script>alert(1)</script>' },
};

describe('portal pages', () => {
  const html = renderCasePage(frame, facts, 2);

  it('declares its language, has one h1 and labels every control', () => {
    expect(html).toContain('<html lang="sv">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const ids = [...html.matchAll(/<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThanOrEqual(7);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html).toMatch(/<main id="main">/);
    expect(html).toContain('role="alert"');
  });

  it('carries no script and escapes everything it did not write itself', () => {
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect(html).toContain('Nordlys &lt;Energi&gt;');
    expect(html).toContain('Ström &lt;oktober&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;');
  });

  it('formats money and dates for the customer, and prints without its forms', () => {
    expect(html.replace(/[\u00a0\u202f]/g, ' ')).toContain('1 072,34 kr');
    expect(html).toContain('1 november 2026');
    expect(html).toContain('@media print');
    expect(html).toContain('RF18 5390 0754 7034');
    expect(html).toContain('alt="Logotyp för Nordlys &lt;Energi&gt;"');
  });

  it('says a stopped channel is stopped', () => {
    expect(html).toMatch(/name="sms" value="stop" checked disabled> SMS \(stoppad\)/);
  });

  it('answers an unknown link without naming anyone', () => {
    const page = renderEndPage({ ...frame, creditor: null, locale: 'en' }, 'unknown', '/portal/x');
    expect(page).toContain('Page not found');
    expect(page).not.toContain('Nordlys');
    expect(page).not.toContain('<form');
  });
});
