// Maps the error taxonomy to RFC 9457 problem+json answers; unknown errors become a bare 500 that reveals nothing.
import * as z from 'zod';
import { ArrearsError, type FieldIssue } from './errors';
import type { Problem } from '../schemas/problem.schema';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (code: string) => `urn:arrears:problem:${code}`;

export interface ProblemAnswer {
  status: number;
  problem: Problem;
  headers?: Record<string, string>;
}

export const problem = (
  status: number,
  code: string,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem => ({ ...extensions, type: problemType(code), title, status, detail });

/** Dotted path of a zod issue ("installments.0.amount"); `prefix` names where the field came from (path, query, header). */
const joinPath = (prefix: string | undefined, path: PropertyKey[]): string => {
  const inner = path.map(String).join('.');
  if (prefix) return inner ? `${prefix}.${inner}` : prefix;
  return inner || '(body)';
};

/** Turns a ZodError into field issues; unknown fields are listed one by one so each can be named. */
export const zodIssues = (error: z.ZodError, prefix?: string): FieldIssue[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath(prefix, [...issue.path, key]), message: 'is not a known field' }))
      : [{ path: joinPath(prefix, issue.path), message: issue.message }],
  );

export const toProblem = (error: unknown): ProblemAnswer => {
  if (!(error instanceof ArrearsError)) {
    return {
      status: 500,
      problem: problem(
        500,
        'internal',
        'Internal error',
        'Something failed on our side. It was logged; retrying is safe.',
      ),
    };
  }
  switch (error.kind) {
    case 'validation': {
      const issues = 'issues' in error ? (error.issues as FieldIssue[]) : [];
      const code = 'code' in error ? String(error.code) : 'validation-failed';
      return { status: 400, problem: problem(400, code, 'Invalid request', error.message, { errors: issues }) };
    }
    case 'unauthorized':
      return {
        status: 401,
        problem: problem(401, 'unauthorized', 'Unauthorized', error.message),
        headers: { 'www-authenticate': 'Bearer realm="arrears"' },
      };
    case 'forbidden':
      return {
        status: 403,
        problem: problem(403, (error as ArrearsError & { code: string }).code, 'Forbidden', error.message),
      };
    case 'not_found':
      return { status: 404, problem: problem(404, 'not-found', 'Not found', error.message) };
    case 'conflict': {
      const { status, code, extensions } = error as ArrearsError & {
        status: number;
        code: string;
        extensions: Record<string, unknown>;
      };
      return { status, problem: problem(status, code, 'Conflict', error.message, extensions) };
    }
    case 'too_large':
      return { status: 413, problem: problem(413, 'payload-too-large', 'Payload too large', error.message) };
    case 'unsupported_media_type':
      return { status: 415, problem: problem(415, 'unsupported-media-type', 'Unsupported media type', error.message) };
    case 'precondition_required': {
      const { code, issues } = error as ArrearsError & { code: string; issues: FieldIssue[] };
      return { status: 428, problem: problem(428, code, 'Precondition required', error.message, { errors: issues }) };
    }
    case 'precondition_failed': {
      const { extensions } = error as ArrearsError & { extensions: Record<string, unknown> };
      return {
        status: 412,
        problem: problem(412, 'precondition-failed', 'Precondition failed', error.message, extensions),
      };
    }
    case 'integration':
      return {
        status: 503,
        problem: problem(
          503,
          'dependency-unavailable',
          'Service unavailable',
          'A dependency is unavailable; retry later.',
        ),
        headers: { 'retry-after': '1' },
      };
    case 'domain':
      return {
        status: 500,
        problem: problem(
          500,
          'internal',
          'Internal error',
          'Something failed on our side. It was logged; retrying is safe.',
        ),
      };
  }
};
