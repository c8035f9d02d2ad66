// Builds a partner-API Lambda handler: logging, problem answers, authentication, the role check, validation and
// idempotency, in that order.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { z } from 'zod';
import { logger } from '../observability/logger';
import { apiDependenciesFromEnv, type ApiDependencies } from '../env/api-dependencies';
import { jsonResponse, type ApiContext, type ApiEvent, type ApiInput, type ApiResponse } from './api-context';
import { authenticate } from './authenticate.middleware';
import { requireRole } from './require-role.middleware';
import type { ApiKeyRole } from '../schemas/tenant.schema';
import { idempotency } from './idempotency.middleware';
import { parseRequest } from './parse-request.middleware';
import { problemResponses } from './problem-responses.middleware';
import { publishMetrics } from './publish-metrics.middleware';
import type { ApiKeyGrant } from '../ports/tenant-directory.port';

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteOptions<P, Q, B> {
  /** The route's id in the route table. */
  id: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Writes take an Idempotency-Key. */
  idempotent?: boolean;
  /** Requests (all, or those whose body passes the test) that are refused without an Idempotency-Key. */
  requiresIdempotencyKey?: true | ((body: unknown) => boolean);
  /** Routes such as the OpenAPI document need no key. */
  public?: boolean;
  /** The roles whose keys may call it; every route that takes a key names them. */
  roles?: readonly ApiKeyRole[];
}

export interface RouteRequest<P, Q, B> extends ApiInput<Infer<P>, Infer<Q>, Infer<B>> {
  grant: ApiKeyGrant;
  event: ApiEvent;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body is already text (an HTML page): sent as it is, not as JSON. */
  raw?: boolean;
}

/** The customer a request is about: the one its path names, else the one its answer names (an invoice, a payment). */
const customerOf = (params: unknown, body: unknown): string | undefined => {
  const named = (value: unknown) =>
    typeof value === 'object' && value !== null && typeof (value as { customerId?: unknown }).customerId === 'string'
      ? (value as { customerId: string }).customerId
      : undefined;
  return named(params) ?? named(body);
};

export const apiHandler = <
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  deps: ApiDependencies,
  options: RouteOptions<P, Q, B>,
  run: (request: RouteRequest<P, Q, B>) => Promise<RouteResult>,
) => {
  const handler = middy<ApiEvent, ApiResponse, Error, ApiContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics(deps.metrics))
    .use(problemResponses());
  if (!options.public) {
    // A route that forgot its roles would be open to every key: it is refused when the handler is built, not served.
    if (!options.roles?.length) throw new Error(`route ${options.id} takes a key but names no roles`);
    handler.use(authenticate(deps.tenants, deps.idTokens, deps.personAccess)).use(requireRole(options.roles));
  }
  handler.use(parseRequest(options, deps.maxBodyBytes));
  if (options.idempotent) {
    handler.use(
      idempotency({
        store: deps.idempotency,
        clock: deps.clock,
        ...(options.requiresIdempotencyKey ? { required: options.requiresIdempotencyKey } : {}),
      }),
    );
  }
  return handler.handler(async (event, context) => {
    const input = context.input!;
    const result = await run({
      ...(input as ApiInput<Infer<P>, Infer<Q>, Infer<B>>),
      grant: context.grant!,
      event,
    });
    const customerId = customerOf(input.params, result.body);
    if (customerId !== undefined) context.customerId = customerId;
    if (result.raw) return { statusCode: result.status, headers: result.headers ?? {}, body: String(result.body) };
    return jsonResponse(result.status, result.body, result.headers);
  });
};

/**
 * The exported Lambda entry point: builds the handler with deployed dependencies on first use, so importing a
 * handler file (as the local runtime does, with its own dependencies) reads no environment and makes no client.
 */
export const deployedHandler = (
  create: (deps: ApiDependencies) => (event: ApiEvent, context: ApiContext) => Promise<ApiResponse>,
) => {
  let built: ((event: ApiEvent, context: ApiContext) => Promise<ApiResponse>) | undefined;
  return (event: ApiEvent, context: ApiContext): Promise<ApiResponse> => {
    built ??= create(apiDependenciesFromEnv());
    return built(event, context);
  };
};
