// Regulation F call rules against the CFPB's official examples (RULES-REFERENCE §1.1 and §1.2), on real 2026 dates.
import {
  decideOutboundCall,
  nextCallAllowedAt,
  type CallOutcome,
  type CallRecord,
} from '../../../shared/domain/call-frequency';

const NEW_YORK = ['America/New_York'];
/** 10:00 in New York on a summer date (EDT, UTC-4), unless another hour is given. */
const ny = (date: string, hour = 10, minute = 0) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + ((hour + 4) * 60 + minute) * 60_000);
const out = (at: Date, outcome: CallOutcome = 'no_answer'): CallRecord => ({ at, direction: 'outbound', outcome });
const inbound = (at: Date, outcome: CallOutcome = 'conversation'): CallRecord => ({
  at,
  direction: 'inbound',
  outcome,
});

/** Places calls one after the other the way a collector would log them; each must be allowed when it is placed. */
const placeAll = (calls: CallRecord[], zones = NEW_YORK) => {
  const history: CallRecord[] = [];
  for (const call of calls) {
    expect({
      at: call.at.toISOString(),
      decision: decideOutboundCall({ history, zones }, call.at, call.outcome),
    }).toEqual({ at: call.at.toISOString(), decision: { allowed: true } });
    history.push(call);
  }
  return history;
};

describe('at most 7 counted calls in 7 consecutive days (1006.14(b)(2)(i)(A))', () => {
  it('§1.1 case 1: a limited-content message Wed 1 Apr and 6 unanswered calls Thu 2 to Tue 7 Apr comply; the next call is allowed from Wed 8 Apr', () => {
    const history = placeAll([
      out(ny('2026-04-01'), 'voicemail'),
      ...['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07'].map((date) =>
        out(ny(date)),
      ),
    ]);
    const eighth = decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07', 15));
    // 08:00 EDT on Wednesday 8 April.
    expect(eighth).toEqual({
      allowed: false,
      rule: 'call-frequency-7-in-7',
      nextAllowedAt: new Date('2026-04-08T12:00:00Z'),
    });
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-08', 8))).toEqual({ allowed: true });
  });

  it('§1.1 case 2: Wed 1, twice on Thu 2, Fri 3 and Mon 6 Apr is 7; the eighth, on Tue 7 Apr, is a violation', () => {
    const history = placeAll([
      out(ny('2026-04-01')),
      out(ny('2026-04-02', 9)),
      out(ny('2026-04-02', 16)),
      out(ny('2026-04-03', 9)),
      out(ny('2026-04-03', 16)),
      out(ny('2026-04-06', 9)),
      out(ny('2026-04-06', 16)),
    ]);
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07'))).toEqual({
      allowed: false,
      rule: 'call-frequency-7-in-7',
      nextAllowedAt: new Date('2026-04-08T12:00:00Z'),
    });
  });

  it('§1.1 case 7: 21 unanswered calls in 7 days, 7 for each of three debts, comply: every debt counts on its own', () => {
    const days = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07'];
    const debts = ['medical', 'card-a', 'card-b'].map((debt) => ({
      debt,
      history: placeAll(days.map((date) => out(ny(date)))),
    }));
    expect(debts.flatMap(({ history }) => history)).toHaveLength(21);
    // An eighth call on any one of them would be one too many for that debt.
    for (const { history } of debts) {
      expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07', 18))).toMatchObject({
        allowed: false,
        rule: 'call-frequency-7-in-7',
      });
    }
  });

  it('§1.1 case 9: of 10 calls in 7 days, 4 busy or not in service do not count: 6 counted, and a seventh is still allowed', () => {
    const history = placeAll([
      out(ny('2026-04-01'), 'busy'),
      out(ny('2026-04-01', 11)),
      out(ny('2026-04-02'), 'not_connected'),
      out(ny('2026-04-02', 11), 'voicemail'),
      out(ny('2026-04-03')),
      out(ny('2026-04-04'), 'busy'),
      out(ny('2026-04-05')),
      out(ny('2026-04-06'), 'not_connected'),
      out(ny('2026-04-06', 11)),
      out(ny('2026-04-07')),
    ]);
    expect(history).toHaveLength(10);
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07', 12))).toEqual({ allowed: true });
  });

  it('never refuses a busy or not-connected attempt for frequency, only for the hours', () => {
    const history = placeAll(
      ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07'].map((date) =>
        out(ny(date)),
      ),
    );
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07', 12), 'busy')).toEqual({ allowed: true });
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07', 12), 'not_connected')).toEqual({
      allowed: true,
    });
    // 22:00 EDT: refused for the hours, and told when the hours allow it (08:00 the next morning).
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07', 22), 'busy')).toEqual({
      allowed: false,
      rule: 'quiet-hours',
      nextAllowedAt: new Date('2026-04-08T12:00:00Z'),
    });
  });

  it('does not count calls the consumer made', () => {
    const history = placeAll([
      ...['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06'].map((date) =>
        out(ny(date)),
      ),
      inbound(ny('2026-04-06', 12), 'voicemail'),
      inbound(ny('2026-04-06', 13), 'no_answer'),
    ]);
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-07'))).toEqual({ allowed: true });
  });

  it('counts every run of 7 days that holds the call, not only the one starting at the first call', () => {
    // 3 calls on Fri 3 Apr and 4 on Thu 9 Apr: the run Fri 3 to Thu 9 is full, so Wed 8 and Thu 9 are refused, Fri 10 is not.
    const history: CallRecord[] = [
      ...[9, 10, 11].map((hour) => out(ny('2026-04-03', hour))),
      ...[9, 10, 11, 12].map((hour) => out(ny('2026-04-09', hour))),
    ];
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-08'))).toMatchObject({
      allowed: false,
      rule: 'call-frequency-7-in-7',
      nextAllowedAt: new Date('2026-04-10T12:00:00Z'),
    });
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-04-10'))).toEqual({ allowed: true });
  });
});

describe('no call within 7 days after a conversation (1006.14(b)(2)(i)(B))', () => {
  it('§1.1 case 3: an unanswered call Tue 11 Aug, a conversation Fri 14 Aug: calls before Fri 21 Aug break the rule; Fri 21 Aug is allowed', () => {
    const history = placeAll([out(ny('2026-08-11')), out(ny('2026-08-14'), 'conversation')]);
    const friday21 = new Date('2026-08-21T12:00:00Z'); // 08:00 EDT
    for (const at of [ny('2026-08-14', 15), ny('2026-08-17'), ny('2026-08-20', 20)]) {
      expect(decideOutboundCall({ history, zones: NEW_YORK }, at)).toEqual({
        allowed: false,
        rule: 'call-after-conversation',
        nextAllowedAt: friday21,
      });
    }
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-08-21', 8))).toEqual({ allowed: true });
    expect(nextCallAllowedAt({ history, zones: NEW_YORK }, ny('2026-08-15'))).toEqual(friday21);
  });

  it('§1.1 case 4: the consumer calls in and talks on Thu 13 Aug; the collector may call again on Thu 20 Aug, not on Wed 19 Aug', () => {
    const history = [inbound(ny('2026-08-13', 11))];
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-08-19', 18))).toMatchObject({
      allowed: false,
      rule: 'call-after-conversation',
    });
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-08-20', 9))).toEqual({ allowed: true });
  });

  it('lets a busy signal through during the wait, but never a connected call', () => {
    const history = [out(ny('2026-08-14'), 'conversation')];
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-08-17'), 'busy')).toEqual({ allowed: true });
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-08-17'), 'voicemail')).toMatchObject({
      allowed: false,
      rule: 'call-after-conversation',
    });
  });

  it('names the conversation wait before the hours when both forbid a call', () => {
    const history = [out(ny('2026-08-14'), 'conversation')];
    expect(decideOutboundCall({ history, zones: NEW_YORK }, ny('2026-08-18', 22))).toEqual({
      allowed: false,
      rule: 'call-after-conversation',
      nextAllowedAt: new Date('2026-08-21T12:00:00Z'),
    });
  });

  it('counts days in the customer’s zone across the end of summer time', () => {
    // New York falls back on Sun 1 Nov 2026: a conversation on Fri 30 Oct allows calls from Fri 6 Nov 08:00 EST (13:00Z).
    const history = [out(new Date('2026-10-30T14:00:00Z'), 'conversation')];
    expect(nextCallAllowedAt({ history, zones: NEW_YORK }, new Date('2026-11-02T15:00:00Z'))).toEqual(
      new Date('2026-11-06T13:00:00Z'),
    );
  });
});

describe('quiet hours for calls (§1.2)', () => {
  const CHICAGO = ['America/Chicago'];
  it('§1.2 case 3: in Chicago a call at 07:59 is refused until 08:00, 20:30 is allowed, 21:15 waits for 08:00 the next day', () => {
    expect(decideOutboundCall({ history: [], zones: CHICAGO }, new Date('2026-12-01T13:59:00Z'))).toEqual({
      allowed: false,
      rule: 'quiet-hours',
      nextAllowedAt: new Date('2026-12-01T14:00:00Z'),
    });
    expect(decideOutboundCall({ history: [], zones: CHICAGO }, new Date('2026-12-02T02:30:00Z'))).toEqual({
      allowed: true,
    });
    expect(decideOutboundCall({ history: [], zones: CHICAGO }, new Date('2026-12-02T03:15:00Z'))).toEqual({
      allowed: false,
      rule: 'quiet-hours',
      nextAllowedAt: new Date('2026-12-02T14:00:00Z'),
    });
  });

  it('keeps to the intersection of the windows when the customer may be in two zones', () => {
    // 09:00 ET is 06:00 PT: refused until 11:00 ET (08:00 PT).
    expect(
      decideOutboundCall(
        { history: [], zones: ['America/New_York', 'America/Los_Angeles'] },
        new Date('2026-12-01T14:00:00Z'),
      ),
    ).toEqual({
      allowed: false,
      rule: 'quiet-hours',
      nextAllowedAt: new Date('2026-12-01T16:00:00Z'),
    });
  });
});
