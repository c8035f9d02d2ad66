// What the API middlewares add to the Lambda context for the handler: the caller's grant and the validated input.
import type { Context } from 'aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiKeyGrant } from '../ports/tenant-directory.port';

export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

export interface ApiInput<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
  /** The raw body exactly as received (after base64 decoding), for fingerprints and signatures. */
  rawBody: string;
}

export interface ApiContext<P = unknown, Q = unknown, B = unknown> extends Context {
  grant?: ApiKeyGrant;
  input?: ApiInput<P, Q, B>;
  /** The customer the answer is about, when there is one: its kept replay is that customer's data (GDPR). */
  customerId?: string;
}

/** Header lookup that ignores case (API Gateway lower-cases HTTP API headers, other callers may not). */
export const header = (event: ApiEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
};

export const jsonResponse = (statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
