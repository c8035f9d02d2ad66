// Starts the console: reads its settings, takes the id token the sign-in handed over, and shows either the app or the
// way to sign in (again, when the token has expired or the API refused it).
import { render } from 'preact';
import { configureApi } from './api';
import { App } from './app';
import { currentSession, keepToken, signOut, takeTokenFromAddress } from './auth';
import { beginSignIn, completeSignIn, signOutAddress } from './auth-cognito';
import { parseConfig, type CognitoAuth, type ConsoleConfig } from './config';
import './styles.css';

const root = document.getElementById('app')!;
/** Where the hosted sign-in returns people (deployed): this page, exactly as the user pool's client lists it. */
const redirectUri = `${window.location.origin}${import.meta.env.BASE_URL}`;

/** Reads config.json from where the console is served (`base`: Vite's BASE_URL, `/console/`). */
const loadConfig = async (base: string): Promise<ConsoleConfig> => {
  const response = await fetch(`${base}config.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return parseConfig(await response.json());
};

const goToHostedSignIn = (auth: CognitoAuth) => {
  beginSignIn(auth, redirectUri, sessionStorage)
    .then((address) => window.location.assign(address))
    .catch((error: unknown) => {
      root.textContent = `The sign-in could not start: ${(error as Error).message}`;
    });
};

const SignIn = (props: { config: ConsoleConfig; reason?: string }) => {
  const auth = props.config.auth;
  return (
    <main id="main" class="sign-in">
      <h1>Arrears console</h1>
      {props.reason ? <p role="alert">{props.reason}</p> : null}
      <p>
        {auth.mode === 'cognito' ? (
          <button type="button" onClick={() => goToHostedSignIn(auth)}>
            Sign in
          </button>
        ) : (
          <a class="button" href={auth.signInUrl}>
            Sign in
          </a>
        )}
      </p>
    </main>
  );
};

const show = (config: ConsoleConfig, reason?: string) => {
  const session = currentSession();
  // Expiry is the API's to judge (by its clock, which may be a virtual one): a 401 brings the person back here.
  if (!session) {
    signOut();
    render(<SignIn config={config} {...(reason ? { reason } : {})} />, root);
    return;
  }
  render(
    <App
      session={session}
      onSignOut={() => {
        signOut();
        // Deployed, the hosted pages' own session ends too, or the next "Sign in" would let the same person straight in.
        if (config.auth.mode === 'cognito') window.location.assign(signOutAddress(config.auth, redirectUri));
        else show(config, 'You are signed out.');
      }}
    />,
    root,
  );
};

/** Deployed: a return from the hosted sign-in (`?code=…&state=…`) becomes the session; the code leaves the address. */
const completeHostedSignIn = async (auth: CognitoAuth): Promise<string | undefined> => {
  const outcome = await completeSignIn(auth, window.location.href, redirectUri, sessionStorage);
  if (outcome.kind === 'none') return undefined;
  history.replaceState(null, '', `${window.location.pathname}#/`);
  if (outcome.kind === 'refused') return outcome.reason;
  keepToken(outcome.idToken);
  return undefined;
};

const start = async () => {
  takeTokenFromAddress();
  const config = await loadConfig(import.meta.env.BASE_URL);
  const reason = config.auth.mode === 'cognito' ? await completeHostedSignIn(config.auth) : undefined;
  configureApi(
    config,
    () => currentSession()?.token ?? null,
    () => {
      signOut();
      show(config, 'Your sign-in has expired. Sign in again.');
    },
  );
  show(config, reason);
};

start().catch((error: unknown) => {
  root.textContent = `The console could not start: ${(error as Error).message}`;
});
