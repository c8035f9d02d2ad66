// Reads the body (size-limited, JSON) and validates path, query and body against the route's zod schemas.
import type { MiddlewareObj } from '@middy/core';
import type { z } from 'zod';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError, type FieldIssue } from '../errors/errors';
import { zodIssues } from '../errors/problem';
import { header, type ApiContext, type ApiEvent, type ApiResponse } from './api-context';
import { duplicateJsonKey, JsonTooDeepError } from './duplicate-json-key';

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const isJson = (contentType: string | undefined): boolean =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

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
        // A body is read as JSON only when it says it is JSON: a form or text posted by mistake is named, not guessed at.
        if (!isJson(header(request.event, 'content-type'))) {
          throw new UnsupportedMediaTypeError(
            'the body must be sent as application/json (Content-Type: application/json)',
          );
        }
        let json: unknown;
        try {
          json = JSON.parse(rawBody);
        } catch (error) {
          throw new ValidationError(
            'the body is not valid JSON',
            [{ path: '(body)', message: (error as Error).message }],
            {
              code: 'malformed-json',
            },
          );
        }
        let duplicate: string | null;
        try {
          duplicate = duplicateJsonKey(rawBody);
        } catch (error) {
          if (!(error instanceof JsonTooDeepError)) throw error;
          throw new ValidationError(error.message, [{ path: '(body)', message: error.message }], {
            code: 'malformed-json',
          });
        }
        // JSON.parse keeps the last of two equal keys; another reader may keep the first: refused, not guessed.
        if (duplicate !== null) {
          throw new ValidationError(
            `the body names "${duplicate}" twice`,
            [{ path: duplicate, message: 'is given more than once' }],
            { code: 'duplicate-key' },
          );
        }
        body = check(schemas.body, json);
      }
    }
    if (issues.length > 0) throw new ValidationError(`the request has ${issues.length} invalid field(s)`, issues);
    request.context.input = { params, query, body, rawBody };
  },
});
