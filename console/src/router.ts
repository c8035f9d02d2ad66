// The console's addresses live in the fragment (#/cases/d-1): a static host serves one page for every screen, and a
// reload or a shared link opens the same screen.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path after `#`, without its query: `/cases/d-1`. */
  path: string;
  query: URLSearchParams;
}

const current = (): Route => {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(query) };
};

/** The route now, following every change of the address. */
export const useRoute = (): Route => {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};

/** An address of the console for a path and query: `href('/search', { q: 'Berg' })` → `#/search?q=Berg`. */
export const href = (path: string, query?: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
};

export const navigate = (path: string, query?: Record<string, string | number | undefined>): void => {
  window.location.hash = href(path, query);
};

/** Matches `/cases/:id` against `/cases/d-1` → `{ id: 'd-1' }`; null when it does not fit. */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const value = have[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
};
