// Starts the console: reads its settings, takes the id token the sign-in handed over, and shows either the app or the
// way to sign in (again, when the token has expired or the API refused it).
import { render } from 'preact';
import { configureApi } from './api';
import { App } from './app';
import { currentSession, signOut, takeTokenFromAddress } from './auth';
import { loadConfig, type ConsoleConfig } from './config';
import './styles.css';

const root = document.getElementById('app')!;

const SignIn = (props: { config: ConsoleConfig; reason?: string }) => (
  <main id="main" class="sign-in">
    <h1>Arrears console</h1>
    {props.reason ? <p role="alert">{props.reason}</p> : null}
    <p>
      <a class="button" href={props.config.auth.signInUrl}>
        Sign in
      </a>
    </p>
  </main>
);

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
        show(config, 'You are signed out.');
      }}
    />,
    root,
  );
};

const start = async () => {
  takeTokenFromAddress();
  const config = await loadConfig();
  configureApi(
    config,
    () => currentSession()?.token ?? null,
    () => {
      signOut();
      show(config, 'Your sign-in has expired. Sign in again.');
    },
  );
  show(config);
};

start().catch((error: unknown) => {
  root.textContent = `The console could not start: ${(error as Error).message}`;
});
