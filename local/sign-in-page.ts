// The local sign-in page: the people who may sign in (ARREARS_LOCAL_USERS and those invited) as one button each. No
// password (the runtime is one person's laptop); a click answers with a redirect to the console carrying the id token
// in the fragment, as an identity provider's implicit answer does, so the page needs no script.
import type { LocalUser } from './people';

export const SIGN_IN_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Where a signed-in person lands: the console, which reads `#id_token=` from its address. */
export const CONSOLE_PATH = '/console/';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const person = (user: LocalUser) => `
      <li>
        <form method="post" action="/local/auth/sign-in">
          <input type="hidden" name="username" value="${escapeHtml(user.username)}">
          <input type="hidden" name="tenantId" value="${escapeHtml(user.tenantId)}">
          <button type="submit">${escapeHtml(user.name)} <span>${escapeHtml(user.role)} · ${escapeHtml(user.username)}</span></button>
        </form>
      </li>`;

export const signInPage = (users: readonly LocalUser[]): string => {
  const tenants = [...new Set(users.map((user) => user.tenantId))];
  const sections = tenants
    .map(
      (tenantId) => `
    <section aria-labelledby="tenant-${escapeHtml(tenantId)}">
      <h2 id="tenant-${escapeHtml(tenantId)}">${escapeHtml(tenantId)}</h2>
      <ul>${users
        .filter((user) => user.tenantId === tenantId)
        .map(person)
        .join('')}
      </ul>
    </section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in · Arrears (local)</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
    main { max-width: 32rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }
    h1 { font-size: 1.5rem; margin-top: 0; }
    h2 { font-size: 1rem; color: #4a5160; margin-bottom: 0.5rem; }
    ul { list-style: none; padding: 0; margin: 0 0 1.5rem; }
    li { margin: 0.5rem 0; }
    button { width: 100%; text-align: left; padding: 0.75rem 1rem; font: inherit; border: 1px solid #8a93a6;
      border-radius: 6px; background: #fff; color: #1d2330; cursor: pointer; }
    button:hover, button:focus-visible { border-color: #0b3d91; outline: 2px solid #0b3d91; }
    button span { display: block; font-size: 0.875rem; color: #4a5160; }
    p { color: #4a5160; }
  </style>
</head>
<body>
  <main>
    <h1>Sign in to Arrears</h1>
    <p>Local runtime: choose who you are. These people come from <code>ARREARS_LOCAL_USERS</code> and the invitations of managers.</p>${sections}
  </main>
</body>
</html>
`;
};
