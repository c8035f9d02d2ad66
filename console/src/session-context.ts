// The signed-in person, for any screen that needs their name, tenant or role (`useSession()`).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './auth';

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
};
