// The OpenAPI document is generated from the route table and names every route with its schemas.
import { buildOpenApiDocument } from '../../../functions/api/openapi';
import { apiRoutes } from '../../../functions/api/routes';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument() as Json;

  it('is OpenAPI 3.1 with bearer authentication', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every route', () => {
    for (const route of apiRoutes) {
      expect(document.paths[route.path][route.method.toLowerCase()].operationId).toBe(route.id);
    }
  });

  it('describes request bodies from the zod schemas, with integer amounts and required fields', () => {
    const body = document.components.schemas.PutInvoiceBody;
    expect(body.properties.amount.type).toBe('integer');
    expect(body.required).toEqual(expect.arrayContaining(['customerId', 'amount', 'currency', 'issuedAt', 'dueDate']));
    expect(body.additionalProperties).toBe(false);
    expect(document.paths['/v1/invoices/{invoiceId}'].put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PutInvoiceBody',
    });
  });

  it('offers Idempotency-Key on writes and problem+json on errors', () => {
    const post = document.paths['/v1/invoices/{invoiceId}/payments'].post;
    expect(post.parameters.map((parameter: Json) => parameter.name)).toEqual(['invoiceId', 'Idempotency-Key']);
    expect(post.responses['400'].content['application/problem+json']).toBeDefined();
    expect(document.paths['/v1/openapi.json'].get.security).toEqual([]);
  });

  it('leaves no dangling references', () => {
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) expect(document.components.schemas[ref.split('/').pop()!]).toBeDefined();
  });
});
