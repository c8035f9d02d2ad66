// Turns a local HTTP request into the API Gateway HTTP API (payload 2.0) event the deployed API sends, and back.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ApiRoute } from '../functions/api/routes';

export interface MatchedRoute {
  route: ApiRoute;
  pathParameters: Record<string, string>;
}

const compiled = new Map<string, RegExp>();

const patternOf = (path: string): RegExp => {
  let pattern = compiled.get(path);
  if (!pattern) {
    const source = path
      .split('/')
      .map((segment) =>
        segment.startsWith('{') ? `(?<${segment.slice(1, -1)}>[^/]+)` : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    pattern = new RegExp(`^${source}$`);
    compiled.set(path, pattern);
  }
  return pattern;
};

/** The route API Gateway would pick for this method and path, with its decoded path parameters. */
export const matchRoute = (
  routes: readonly ApiRoute[],
  method: string,
  path: string,
): MatchedRoute | 'method_not_allowed' | null => {
  let pathMatched = false;
  for (const route of routes) {
    const match = patternOf(route.path).exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const pathParameters: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      try {
        pathParameters[name] = decodeURIComponent(value);
      } catch {
        pathParameters[name] = value;
      }
    }
    return { route, pathParameters };
  }
  return pathMatched ? 'method_not_allowed' : null;
};

export const toApiGatewayEvent = (
  request: IncomingMessage,
  url: URL,
  matched: MatchedRoute,
  body: Buffer,
  now: Date,
): APIGatewayProxyEventV2 => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const routeKey = `${matched.route.method} ${matched.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(matched.pathParameters).length > 0 ? { pathParameters: matched.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: matched.route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
    isBase64Encoded: false,
  };
};
