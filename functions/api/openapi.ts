// Generates the OpenAPI 3.1 document from the route table and its zod schemas, so the contract cannot drift from the code.
import * as z from 'zod';
import { ProblemSchema } from '../../shared/schemas/problem.schema';
import { IDEMPOTENCY_HEADER } from '../../shared/middleware/idempotency.middleware';
import { apiRoutes, type ApiRoute } from './routes';

type JsonObject = Record<string, unknown>;

/** Converts a schema and moves its named parts into components, rewriting references to point there. */
const toComponent = (schema: z.ZodType, io: 'input' | 'output', components: JsonObject): JsonObject => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node as JsonObject)
          .filter(([key]) => key !== '$schema' && key !== '$defs')
          .map(([key, value]) => [
            key,
            key === '$ref' && typeof value === 'string'
              ? value.replace('#/$defs/', '#/components/schemas/')
              : rewrite(value),
          ]),
      );
    }
    return node;
  };
  for (const [name, definition] of Object.entries((json.$defs as JsonObject | undefined) ?? {})) {
    components[name] = rewrite(definition);
  }
  return rewrite(json) as JsonObject;
};

const parametersOf = (route: ApiRoute, components: JsonObject): JsonObject[] => {
  const parameters: JsonObject[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = toComponent(schema, 'input', components) as { properties?: JsonObject; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      // A payment is required always; a dispute decision only with a credit, which OpenAPI cannot say: its 428 does.
      required: route.requiresIdempotencyKey === true,
      description:
        route.requiresIdempotencyKey === undefined
          ? 'Makes the write safe to retry: a replay within 24 hours returns the first answer.'
          : 'Makes the write safe to retry: a replay within 24 hours returns the first answer. Required when the request moves money (428 without it).',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (route.conditional) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The version the change is made over, as the ETag a read answered ("3"); 412 when the stored version moved on.',
      schema: { type: 'string', maxLength: 20 },
    });
  }
  return parameters;
};

const problemResponse = {
  description: 'Problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

export const buildOpenApiDocument = (): JsonObject => {
  const components: JsonObject = {};
  toComponent(ProblemSchema, 'output', components);
  const paths: Record<string, JsonObject> = {};
  for (const route of apiRoutes as readonly ApiRoute[]) {
    const responses: JsonObject = {};
    for (const response of route.responses) {
      responses[String(response.status)] = {
        description: response.description,
        ...(response.schema
          ? { content: { 'application/json': { schema: toComponent(response.schema, 'output', components) } } }
          : {}),
      };
    }
    if (route.params || route.query || route.body)
      responses['400'] = {
        ...problemResponse,
        description: 'Invalid request: the failing fields are listed in `errors`',
      };
    if (!route.public) responses['401'] = { ...problemResponse, description: 'Missing or unknown API key' };
    if (route.roles) {
      const allowed = `The key's role may not call this (forbidden-role): only ${route.roles.join(', ')}`;
      const stated = responses['403'] as { description: string } | undefined;
      responses['403'] = { ...problemResponse, description: stated ? `${stated.description}; or ${allowed}` : allowed };
    }
    if (route.params) responses['404'] = { ...problemResponse, description: 'No such resource for this tenant' };
    if (route.idempotent)
      responses['409'] = { ...problemResponse, description: 'Conflicts with the stored state or an in-flight request' };
    if (route.body) responses['415'] = { ...problemResponse, description: 'The body is not sent as application/json' };
    if (route.requiresIdempotencyKey)
      responses['428'] = {
        ...problemResponse,
        description: 'The Idempotency-Key header is missing: this request moves money',
      };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      ...(route.public ? { security: [] } : {}),
      ...(route.roles ? { 'x-arrears-roles': [...route.roles] } : {}),
      parameters: parametersOf(route, components),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toComponent(route.body, 'input', components) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Arrears partner API',
      version: '1.0.0',
      description:
        'Push customers, invoices and payments to Arrears. Amounts are integer minor units with an ISO 4217 currency; ' +
        'errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            "The API key issued for your tenant, or a signed-in person's id token (a JWT from the tenant's user pool).",
        },
      },
    },
  };
};
