// Every call the console makes to the Arrears API: the signed-in person's token, JSON in and out, an Idempotency-Key on
// every write (the same on a retry of that write), and problem+json answers turned into errors that name their fields.
import type { ConsoleConfig } from './config';

export interface FieldError {
  path: string;
  message: string;
}

/** An answer other than 2xx, as RFC 9457 problem+json describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
    readonly body: Record<string, unknown>,
  ) {
    super(detail || title);
  }

  /** The message for one field (`amount`, `steps.0.offsetDays`), if the API refused it. */
  fieldMessage(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface WriteOptions {
  /** Reuse a key to retry the same write; a fresh one is made otherwise. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

let base = '';
let tokenOf: () => string | null = () => null;
let onUnauthorized: () => void = () => {};

export const configureApi = (config: ConsoleConfig, token: () => string | null, unauthorized: () => void): void => {
  base = config.apiBase.replace(/\/$/, '');
  tokenOf = token;
  onUnauthorized = unauthorized;
};

const withQuery = (path: string, query?: Query): string => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
};

const request = async <T>(method: string, path: string, body?: unknown, options: WriteOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = options.idempotencyKey ?? crypto.randomUUID();
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (response.ok) return parsed as T;
  if (response.status === 401) onUnauthorized();
  throw new ApiError(
    response.status,
    String(parsed.type ?? ''),
    String(parsed.title ?? response.statusText),
    String(parsed.detail ?? ''),
    Array.isArray(parsed.errors) ? (parsed.errors as FieldError[]) : [],
    parsed,
  );
};

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, options?: WriteOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: WriteOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: WriteOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: WriteOptions) => request<T>('DELETE', path, undefined, options),
  /** The raw answer of a GET, for what is not JSON (a statement's HTML, a CSV). */
  text: async (path: string, query?: Query): Promise<string> => {
    const token = tokenOf();
    const response = await fetch(`${base}${withQuery(path, query)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw new ApiError(response.status, '', response.statusText, '', [], {});
    return response.text();
  },
};
