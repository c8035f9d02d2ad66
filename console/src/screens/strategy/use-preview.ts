// Validation as the person types: the draft is sent to the preview route once typing pauses (300 ms), and an answer
// to an older draft is dropped, so what the editor shows always belongs to what is on screen.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type FieldError } from '../../api';
import type { StrategyBody, StrategyPreview } from '../../api-types';

export interface Sample {
  dueDate: string;
  timeZone: string;
  amount?: number;
  currency?: string;
}

export interface PreviewState {
  preview: StrategyPreview | null;
  /** The strategy's refused fields, named as PUT names them (`steps.1.offsetDays`). */
  strategyErrors: FieldError[];
  /** The sample's refused fields (`dueDate`, `timeZone`). */
  sampleErrors: FieldError[];
  /** Anything else that went wrong (the API unreachable, a 403). */
  failure: Error | null;
  pending: boolean;
}

export const PREVIEW_DELAY_MS = 300;

const under = (errors: FieldError[], prefix: string): FieldError[] =>
  errors
    .filter((error) => error.path === prefix || error.path.startsWith(`${prefix}.`))
    .map((error) => ({ ...error, path: error.path.slice(prefix.length + 1) || '(whole)' }));

export const usePreview = (strategy: StrategyBody | null, sample: Sample): PreviewState => {
  const [state, setState] = useState<PreviewState>({
    preview: null,
    strategyErrors: [],
    sampleErrors: [],
    failure: null,
    pending: false,
  });
  const latest = useRef(0);
  const key = JSON.stringify({ strategy, sample });
  useEffect(() => {
    if (strategy === null) return;
    const ticket = (latest.current += 1);
    setState((before) => ({ ...before, pending: true }));
    const timer = setTimeout(() => {
      api
        .post<StrategyPreview>('/v1/strategies/preview', { strategy, sample })
        .then((preview) => {
          if (ticket !== latest.current) return;
          setState({ preview, strategyErrors: [], sampleErrors: [], failure: null, pending: false });
        })
        .catch((error: Error) => {
          if (ticket !== latest.current) return;
          const fields = error instanceof ApiError && error.status === 400 ? error.errors : [];
          setState((before) => ({
            // The last good table stays, marked stale by the errors beside it.
            preview: before.preview,
            strategyErrors: under(fields, 'strategy'),
            sampleErrors: under(fields, 'sample'),
            failure: fields.length === 0 ? error : null,
            pending: false,
          }));
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // `key` stands for the strategy and the sample together.
  }, [key]);
  return state;
};
