// What one line of the partner API's route table says (types and shared action sets), free of any route's schemas.
import type * as z from 'zod';
import type { DynamoAction, FunctionAccess } from '../../function-access';
import type { ApiKeyRole } from '../../../shared/schemas/tenant.schema';

export type { DynamoAction };

export interface ApiResponseSpec {
  status: number;
  description: string;
  schema?: z.ZodType;
}

/** A route's function may do what its line declares (FunctionAccess) and nothing more. */
export interface ApiRoute extends FunctionAccess {
  /** Stable name: the function's construct id and the OpenAPI operationId. */
  id: string;
  method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  path: string;
  /** File in functions/api that handles it. */
  handler: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: ApiResponseSpec[];
  idempotent?: boolean;
  /** Takes an optional `If-Match` with the version it answered as `ETag`: 412 when the stored version moved on. */
  conditional?: true;
  /**
   * The request moves money: without an Idempotency-Key it is refused with 428, since a retry could apply it twice.
   * True for every request, or a test of the parsed body (a dispute decision only when it carries a credit).
   */
  requiresIdempotencyKey?: true | ((body: unknown) => boolean);
  /** Needs no key (the OpenAPI document, the debtor's pages, signed webhooks): and so no role. */
  public?: boolean;
  /**
   * The roles whose keys may call it (DESIGN §4): partner systems, collectors, managers. Every route with a key names
   * them; any other role is refused with 403 forbidden-role before anything else is done, a replay included.
   */
  roles?: readonly ApiKeyRole[];
}

/** Resolving a key needs one Query; an Idempotency-Key claim writes and may release a record. */
export const AUTHENTICATED_READ: DynamoAction[] = ['Query'];
export const IDEMPOTENT_WRITE: DynamoAction[] = ['Query', 'PutItem', 'DeleteItem'];
