// Issue 13 item 7: a template name is one of the templates; a lookup never finds Object's own properties; a failing pass says so.
import { renderEmail, renderLetter, renderSms } from '../../../shared/domain/messages/render';
import { zodIssues } from '../../../shared/errors/problem';
import { logger } from '../../../shared/observability/logger';
import { PutStrategyBodySchema } from '../../../shared/schemas/strategy.schema';
import { advanceDelinquency } from '../../../shared/use-cases/advance-delinquency';
import type { EngineDeps } from '../../../shared/use-cases/engine-deps';

const facts = {
  tenant: 'Acme',
  creditor: { name: 'Acme', legalName: 'Acme Ltd', brand: {} },
  customer: 'Ada',
  invoice: 'inv-1',
  amount: '€100.00',
  dueDate: '1 December 2026',
  daysOverdue: 9,
  fee: '€0.00',
  payUrl: 'https://pay.example/p',
  unsubscribeUrl: 'https://pay.example/u',
};
const ladder = (template: string) => ({
  name: 'Ladder',
  steps: [{ id: 'first', offsetDays: 1, channel: 'email', template }],
});
const issues = (body: unknown) => {
  const result = PutStrategyBodySchema.safeParse(body);
  return result.success ? [] : zodIssues(result.error).map((issue) => issue.path);
};

describe('item 7: template names', () => {
  it('item 7: a strategy step naming "constructor", "__proto__" or any unknown template is refused by field', () => {
    for (const name of ['constructor', 'tostring', 'hasownproperty', 'no-such-template'])
      expect(issues(ladder(name))).toEqual(['steps.0.template']);
    expect(
      issues({ name: 'Ladder', steps: [{ id: 'first', offsetDays: 1, channel: 'email', template: '__proto__' }] }),
    ).toEqual(['steps.0.template']);
    for (const name of ['overdue', 'final-notice', 'overdue-sms', 'upcoming']) expect(issues(ladder(name))).toEqual([]);
  });

  it('item 7: rendering a stored step whose template is "constructor" uses the default words instead of failing', () => {
    expect(renderEmail('constructor', 'en', facts as never).subject).toBe(
      renderEmail('overdue', 'en', facts as never).subject,
    );
    expect(renderSms('constructor', 'en', facts as never)).toBe(renderSms('overdue-sms', 'en', facts as never));
    expect(renderLetter('constructor', 'en', facts as never, '2026-12-10')).toBe(
      renderLetter('overdue', 'en', facts as never, '2026-12-10'),
    );
  });

  it('item 7: a pass that fails logs its error at ERROR with the tenant and delinquency ids', async () => {
    const failure = new TypeError("Cannot read properties of undefined (reading 'subject')");
    // Every dependency fails as the first read of the pass would.
    const deps = new Proxy({} as EngineDeps, {
      get: () => {
        throw failure;
      },
    });
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      await expect(advanceDelinquency(deps, { tenantId: 't1', delinquencyId: 'dlq-7' })).rejects.toBe(failure);
      expect(error).toHaveBeenCalledWith(
        expect.any(String),
        expect.objectContaining({
          tenantId: 't1',
          delinquencyId: 'dlq-7',
          error: expect.objectContaining({ name: 'TypeError', message: failure.message }),
        }),
      );
    } finally {
      error.mockRestore();
    }
  });

  it('item 7: the logged error masks an address a provider quoted in its message', async () => {
    const failure = Object.assign(new Error('Email address is not verified: kari@example.no, +47 912 34 567'), {
      name: 'MessageRejected',
    });
    const deps = new Proxy({} as EngineDeps, {
      get: () => {
        throw failure;
      },
    });
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      await expect(advanceDelinquency(deps, { tenantId: 't1', delinquencyId: 'dlq-8' })).rejects.toBe(failure);
      const logged = JSON.stringify(error.mock.calls);
      expect(logged).toContain('MessageRejected');
      expect(logged).not.toContain('kari@example.no');
      expect(logged).not.toContain('912 34 567');
    } finally {
      error.mockRestore();
    }
  });
});
