// The console's shell: who is signed in, the navigation their role allows, and the screen the address names. A screen
// the role may not open says so instead of failing on the API's 403.
import type { Session } from './auth';
import { matchPath, useRoute, href } from './router';
import { SCREENS } from './screens';
import { SessionContext } from './session-context';

const NotFound = () => (
  <>
    <h1>Not found</h1>
    <p>
      There is no such screen. <a href={href('/queue')}>Go to the queue</a>.
    </p>
  </>
);

const NotYours = () => (
  <>
    <h1>Managers only</h1>
    <p>This screen is for managers. Ask a manager of your team if you need something here.</p>
  </>
);

export const App = (props: { session: Session; onSignOut: () => void }) => {
  const route = useRoute();
  const { person } = props.session;
  const path = route.path === '/' ? '/queue' : route.path;
  const found = SCREENS.map((screen) => ({ screen, params: matchPath(screen.pattern, path) })).find(
    (candidate) => candidate.params !== null,
  );
  const navigation = SCREENS.filter((screen) => screen.nav && screen.roles.includes(person.role));
  const Screen = found?.screen.component;
  return (
    <SessionContext.Provider value={props.session}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Arrears</span>
        <span class="who">
          {person.name} · {person.role} · {person.tenantId}
        </span>
        <button type="button" class="link-button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <div class="layout">
        <nav aria-label="Console">
          <ul>
            {navigation.map((screen) => (
              <li key={screen.pattern}>
                <a
                  href={href(screen.pattern)}
                  aria-current={path === screen.pattern || path.startsWith(`${screen.pattern}/`) ? 'page' : undefined}
                >
                  {screen.nav}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {!found || !Screen ? (
            <NotFound />
          ) : !found.screen.roles.includes(person.role) ? (
            <NotYours />
          ) : (
            <Screen key={path} params={found.params ?? {}} query={route.query} />
          )}
        </main>
      </div>
    </SessionContext.Provider>
  );
};
