// What one line of the partner API's route table says (types and shared action sets), free of any route's schemas.
import type * as z from 'zod';
import type { DynamoAction, FunctionAccess } from '../../function-access';

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
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  /** File in functions/api that handles it. */
  handler: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: ApiResponseSpec[];
  idempotent?: boolean;
  /**
   * The request moves money: without an Idempotency-Key it is refused with 428, since a retry could apply it twice.
   * True for every request, or a test of the parsed body (a dispute decision only when it carries a credit).
   */
  requiresIdempotencyKey?: true | ((body: unknown) => boolean);
  public?: boolean;
}

/** Resolving a key needs one Query; an Idempotency-Key claim writes and may release a record. */
export const AUTHENTICATED_READ: DynamoAction[] = ['Query'];
export const IDEMPOTENT_WRITE: DynamoAction[] = ['Query', 'PutItem', 'DeleteItem'];
