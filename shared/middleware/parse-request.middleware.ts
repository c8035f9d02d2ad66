// Reads the body (size-limited, JSON) and validates path, query and body against the route's zod schemas.
import type { MiddlewareObj } from '@middy/core';
import type { z } from 'zod';
import { PayloadTooLargeError, ValidationError, type FieldIssue } from '../errors/errors';
import { zodIssues } from '../errors/problem';
import type { ApiContext, ApiEvent, ApiResponse } from './api-context';

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

const rawBodyOf = (event: ApiEvent): string => {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
};

export const parseRequest = (
  schemas: RequestSchemas,
  maxBodyBytes: number,
): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: (request) => {
    const rawBody = rawBodyOf(request.event);
    if (Buffer.byteLength(rawBody, 'utf8') > maxBodyBytes) {
      throw new PayloadTooLargeError(`the request body is larger than ${maxBodyBytes} bytes`);
    }
    const issues: FieldIssue[] = [];
    const check = <T>(schema: z.ZodType | undefined, value: unknown, prefix?: string): T => {
      if (!schema) return undefined as T;
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data as T;
      issues.push(...zodIssues(parsed.error, prefix));
      return undefined as T;
    };
    const params = check(schemas.params, request.event.pathParameters ?? {}, 'path');
    const query = check(schemas.query, request.event.queryStringParameters ?? {}, 'query');
    let body: unknown;
    if (schemas.body) {
      if (rawBody.trim() === '') {
        issues.push({ path: '(body)', message: 'a JSON body is required' });
      } else {
        let json: unknown;
        try {
          json = JSON.parse(rawBody);
        } catch (error) {
          throw new ValidationError('the body is not valid JSON', [{ path: '(body)', message: (error as Error).message }], {
            code: 'malformed-json',
          });
        }
        body = check(schemas.body, json);
      }
    }
    if (issues.length > 0) throw new ValidationError(`the request has ${issues.length} invalid field(s)`, issues);
    request.context.input = { params, query, body, rawBody };
  },
});
