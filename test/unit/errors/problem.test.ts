// Every error becomes RFC 9457 problem+json with the right status; unknown errors reveal nothing.
import {
  ConflictError,
  IntegrationError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  ValidationError,
} from '../../../shared/errors/errors';
import { toProblem } from '../../../shared/errors/problem';

describe('toProblem', () => {
  it('maps validation errors to 400 with the failing fields', () => {
    const answer = toProblem(new ValidationError('bad', [{ path: 'amount', message: 'must be an integer' }]));
    expect(answer.status).toBe(400);
    expect(answer.problem).toEqual({
      type: 'urn:arrears:problem:validation-failed',
      title: 'Invalid request',
      status: 400,
      detail: 'bad',
      errors: [{ path: 'amount', message: 'must be an integer' }],
    });
  });

  it('maps each kind to its status', () => {
    expect(toProblem(new UnauthorizedError('no key')).status).toBe(401);
    expect(toProblem(new UnauthorizedError('no key')).headers).toEqual({
      'www-authenticate': 'Bearer realm="arrears"',
    });
    expect(toProblem(new NotFoundError('none')).status).toBe(404);
    expect(toProblem(new ConflictError('void', 'invoice-void')).status).toBe(409);
    expect(toProblem(new ConflictError('reused', 'idempotency-key-reused', {}, { status: 422 })).status).toBe(422);
    expect(toProblem(new PayloadTooLargeError('big')).status).toBe(413);
    expect(toProblem(new IntegrationError('ddb down')).status).toBe(503);
  });

  it('carries a conflict code and extensions', () => {
    const answer = toProblem(
      new ConflictError('call refused', 'contact-rule', { rule: 'quiet-hours', nextAllowedAt: 'x' }),
    );
    expect(answer.problem).toMatchObject({
      type: 'urn:arrears:problem:contact-rule',
      rule: 'quiet-hours',
      nextAllowedAt: 'x',
    });
  });

  it('hides the message of an unexpected error', () => {
    const answer = toProblem(new Error('connection string postgres://secret@host'));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.problem)).not.toContain('secret');
  });
});
