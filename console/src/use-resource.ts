// One hook for reading from the API on a screen: the answer, the error, whether it is on its way, and a reload that a
// screen calls after it changed something (so what it shows is the API's, never a guess).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Query } from './api';

export interface Resource<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export const useResource = <T>(path: string | null, query?: Query): Resource<T> => {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const load = useCallback(async () => {
    if (path === null) return;
    setLoading(true);
    try {
      setData(await api.get<T>(path, query));
      setError(null);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setLoading(false);
    }
    // `key` stands for path and query together, so a new query object with the same values does not reload.
  }, [key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, loading, reload: load };
};
