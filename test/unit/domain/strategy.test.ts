// Strategy validation and choice: ladders that make sense, and the most specific fitting strategy for an invoice.
import { chooseStrategy, DEFAULT_STRATEGY, DEFAULT_STRATEGY_ID } from '../../../shared/domain/strategy';
import { zodIssues } from '../../../shared/errors/problem';
import { PutStrategyBodySchema, type Strategy } from '../../../shared/schemas/strategy.schema';

const paths = (body: unknown) => {
  const result = PutStrategyBodySchema.safeParse(body);
  return result.success ? [] : zodIssues(result.error).map((issue) => `${issue.path}: ${issue.message}`);
};

describe('PutStrategyBodySchema', () => {
  it('accepts the default ladder', () => {
    expect(paths(DEFAULT_STRATEGY)).toEqual([]);
  });

  it('refuses repeated step ids, offsets out of order, and a terminal step that is not last', () => {
    expect(
      paths({
        name: 'Broken',
        steps: [
          { id: 'a', offsetDays: 5, channel: 'email' },
          { id: 'a', offsetDays: 3, channel: 'sms' },
          { id: 'out', offsetDays: 10, channel: 'agency' },
          { id: 'late', offsetDays: 20, channel: 'email' },
        ],
      }),
    ).toEqual([
      'steps.1.id: repeats step id "a"',
      'steps.1.offsetDays: must not be earlier than the step before it',
      'steps.2.channel: agency ends the ladder: it must be the last step',
    ]);
  });

  it('refuses two terminal steps, a fee before the due date and simple interest without a rate', () => {
    expect(
      paths({
        name: 'Broken',
        steps: [
          { id: 'early-fee', offsetDays: -2, channel: 'email', fee: { amount: 100 } },
          { id: 'agency', offsetDays: 30, channel: 'agency' },
          { id: 'write-off', offsetDays: 60, channel: 'write_off' },
        ],
        interest: { rule: 'simple' },
      }).sort(),
    ).toEqual([
      'interest.annualRatePercent: is required for the simple rule',
      'steps.0.fee: a fee can only be charged after the due date',
      'steps.1.channel: agency ends the ladder: it must be the last step',
    ]);
  });

  it('refuses fractional offsets and fees that are neither an amount nor a percentage', () => {
    expect(paths({ name: 'x', steps: [{ id: 'a', offsetDays: 1.5, channel: 'email', fee: { percent: 0 } }] })).toEqual([
      'steps.0.offsetDays: must be a whole number of days',
      expect.stringMatching(/^steps\.0\.fee/),
    ]);
  });
});

const strategy = (id: string, appliesTo?: Strategy['appliesTo']): Strategy => ({
  id,
  name: id,
  ...(appliesTo ? { appliesTo } : {}),
  steps: [{ id: 'a', offsetDays: 1, channel: 'email' }],
  isDefault: id === DEFAULT_STRATEGY_ID,
  createdAt: '',
  updatedAt: '',
  version: 1,
});

describe('chooseStrategy', () => {
  const strategies = [
    strategy(DEFAULT_STRATEGY_ID),
    strategy('retail', { segment: 'retail' }),
    strategy('retail-large', { segment: 'retail', minAmount: 1_000_000 }),
    strategy('risky', { scoreBand: 'low' }),
    strategy('gentle', { segment: 'vip' }),
  ];

  it('uses the strategy the invoice names', () => {
    expect(chooseStrategy(strategies, { strategyId: 'gentle', segment: 'retail', amount: 10 }).strategy.id).toBe(
      'gentle',
    );
  });

  it('falls back, saying so, when the named strategy does not exist', () => {
    const choice = chooseStrategy(strategies, { strategyId: 'gone', amount: 10 });
    expect(choice.strategy.id).toBe(DEFAULT_STRATEGY_ID);
    expect(choice.reason).toContain('gone, which does not exist');
  });

  it('prefers the most specific fitting strategy', () => {
    expect(chooseStrategy(strategies, { segment: 'retail', amount: 2_000_000 }).strategy.id).toBe('retail-large');
    expect(chooseStrategy(strategies, { segment: 'retail', amount: 500 }).strategy.id).toBe('retail');
    expect(chooseStrategy(strategies, { scoreBand: 'low', amount: 500 }).strategy.id).toBe('risky');
  });

  it('uses the default when nothing else fits', () => {
    expect(chooseStrategy(strategies, { segment: 'wholesale', scoreBand: 'high', amount: 500 }).strategy.id).toBe(
      DEFAULT_STRATEGY_ID,
    );
  });
});
