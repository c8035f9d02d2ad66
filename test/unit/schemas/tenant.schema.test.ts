// A tenant's quiet hours: only inside the law's 08:00-21:00, start before end, and the failing field named.
import { TenantSchema } from '../../../shared/schemas/tenant.schema';
import { toProblem, zodIssues } from '../../../shared/errors/problem';
import { ValidationError } from '../../../shared/errors/errors';

const tenant = {
  id: 'acme',
  name: 'Acme Energi',
  sendTime: '09:00',
  promiseGraceDays: 2,
  timeZone: 'Europe/Oslo',
  createdAt: '2026-12-01T00:00:00.000Z',
};

const failing = (quietHours: unknown) => {
  const result = TenantSchema.safeParse({ ...tenant, quietHours });
  return result.success ? [] : zodIssues(result.error);
};

describe('TenantSchema quietHours', () => {
  it("is optional: a tenant without it keeps the law's window", () => {
    expect(TenantSchema.parse(tenant).quietHours).toBeUndefined();
  });

  it("accepts hours inside the law's window, its own edges included", () => {
    expect(TenantSchema.parse({ ...tenant, quietHours: { start: '09:00', end: '17:00' } }).quietHours).toEqual({
      start: '09:00',
      end: '17:00',
    });
    expect(failing({ start: '08:00', end: '21:00' })).toEqual([]);
  });

  it('names the field that leaves the law, or ends before it starts', () => {
    expect(failing({ start: '07:30', end: '17:00' }).map((issue) => issue.path)).toEqual(['quietHours.start']);
    expect(failing({ start: '09:00', end: '21:30' }).map((issue) => issue.path)).toEqual(['quietHours.end']);
    expect(failing({ start: '17:00', end: '09:00' }).map((issue) => issue.path)).toEqual(['quietHours.end']);
    expect(failing({ start: '9:00', end: '17:00' }).map((issue) => issue.path)).toEqual(['quietHours.start']);
    expect(failing({ start: '09:00', end: '17:00', days: 'weekdays' }).map((issue) => issue.path)).toEqual([
      'quietHours.days',
    ]);
  });

  it('answers 400 naming the field where a write validates with it', () => {
    const answer = toProblem(new ValidationError('invalid tenant settings', failing({ start: '06:00', end: '17:00' })));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.problem)).toContain('quietHours.start');
  });
});
