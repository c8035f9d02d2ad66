// The console's settings, read at start from config.json beside it: the local runtime serves one, and the stack writes
// one into the bucket when deployed (where the sign-in lives, and where the API is when it is not this origin).
export interface ConsoleConfig {
  /** The API's origin; empty for the console's own origin. */
  apiBase: string;
  auth: { mode: 'local'; signInUrl: string } | { mode: 'cognito'; signInUrl: string; signOutUrl?: string };
}

export const loadConfig = async (): Promise<ConsoleConfig> => {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const raw = (await response.json()) as Partial<ConsoleConfig>;
  return { apiBase: raw.apiBase ?? '', auth: raw.auth ?? { mode: 'local', signInUrl: '/local/auth/sign-in' } };
};
