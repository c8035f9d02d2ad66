// One error taxonomy for the whole engine: use cases throw these; only the edges map them to HTTP or Step Functions names.

export interface FieldIssue {
  /** Where the problem is: a body field as a dotted path ("installments.0.amount"), or "path.x", "query.x", "header.x". */
  path: string;
  message: string;
}

export abstract class ArrearsError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'not_found'
    | 'conflict'
    | 'unauthorized'
    | 'forbidden'
    | 'too_large'
    | 'unsupported_media_type'
    | 'precondition_required'
    | 'precondition_failed'
    | 'domain'
    | 'integration';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request is malformed or names things that do not exist; nothing was written. */
export class ValidationError extends ArrearsError {
  readonly kind = 'validation';

  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
    options?: { cause?: unknown; code?: string },
  ) {
    super(message, options);
    this.code = options?.code ?? 'validation-failed';
  }

  readonly code: string;
}

/** The resource does not exist for this tenant (another tenant's resource looks exactly the same). */
export class NotFoundError extends ArrearsError {
  readonly kind = 'not_found';
}

/** The request is well formed but clashes with the stored state (a voided invoice, a reused idempotency key). */
export class ConflictError extends ArrearsError {
  readonly kind = 'conflict';

  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
    options?: { cause?: unknown; status?: 409 | 422 },
  ) {
    super(message, options);
    this.status = options?.status ?? 409;
  }

  readonly status: 409 | 422;
}

export class UnauthorizedError extends ArrearsError {
  readonly kind = 'unauthorized';
}

/** The key is valid but its role may not do this (e.g. a large dispute credit needs a manager's key). */
export class ForbiddenError extends ArrearsError {
  readonly kind = 'forbidden';

  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends ArrearsError {
  readonly kind = 'too_large';
}

/** The body is not of the one media type the route reads (JSON for the API, a form for the pay page): 415. */
export class UnsupportedMediaTypeError extends ArrearsError {
  readonly kind = 'unsupported_media_type';
}

/** A header the request must carry is missing (an Idempotency-Key on a POST that moves money): 428. */
export class PreconditionRequiredError extends ArrearsError {
  readonly kind = 'precondition_required';

  constructor(
    message: string,
    readonly code: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

/** The request's If-Match names a version that is no longer the stored one: someone changed it since (412). */
export class PreconditionFailedError extends ArrearsError {
  readonly kind = 'precondition_failed';

  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A rule of the domain was broken by a caller inside the engine: a bug, not a partner's mistake. */
export class DomainError extends ArrearsError {
  readonly kind = 'domain';
}

/** A dependency (DynamoDB, SES, a payment provider) failed; safe to retry. */
export class IntegrationError extends ArrearsError {
  readonly kind = 'integration';
}
