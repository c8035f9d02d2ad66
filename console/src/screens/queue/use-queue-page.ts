// Reads one page of the queue and answers only the newest request: an answer that arrives after a later request was
// made (a refresh, a new filter) is dropped, so a slow old page can never overwrite a fresh one. While a page is on
// its way the old rows are not shown: what is on screen is always the API's latest answer for this address.
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError, type Query } from '../../api';
import type { QueuePage } from '../../api-types';

export interface QueuePageState {
  page: QueuePage | null;
  error: ApiError | Error | null;
  loading: boolean;
  refresh: () => void;
}

export const useQueuePage = (query: Query): QueuePageState => {
  const key = JSON.stringify(query);
  // The page with the query it answers: a page of an earlier address is never shown for this one, not even for the
  // moment between the address changing and the new request going out.
  const [answered, setAnswered] = useState<{ key: string; page: QueuePage } | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const load = useCallback(() => {
    const request = ++latest.current;
    setLoading(true);
    setAnswered(null);
    api.get<QueuePage>('/v1/delinquencies', query).then(
      (answer) => {
        if (request !== latest.current) return;
        setAnswered({ key, page: answer });
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (request !== latest.current) return;
        setError(caught as Error);
        setLoading(false);
      },
    );
    // `key` stands for the query's values: a new object with the same values is the same page.
  }, [key]);
  // A layout effect: the request leaves as the screen is committed, not a frame later after the first paint.
  useLayoutEffect(() => {
    load();
    // Coming back to the tab (after a call, a payment taken elsewhere) shows the queue as it is now.
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      latest.current += 1;
    };
  }, [load]);
  const page = answered?.key === key ? answered.page : null;
  return { page, error, loading: loading || (page === null && error === null), refresh: load };
};
