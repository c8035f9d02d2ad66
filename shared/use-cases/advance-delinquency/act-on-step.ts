// Acting on one due step of the ladder: its fee first, then its channel's action.
import { stepFee } from '../../domain/charges';
import type { ChargeRule } from '../../domain/timeline-catalog';
import type { Step } from '../../schemas/strategy.schema';
import type { EngineDeps } from '../engine-deps';
import { type Acted, type DueStep } from './acted';
import { applyCharge } from './charges';
import { eventBase, type Facts } from './facts';
import { entry } from './timeline-entries';
import { remind } from './remind';
import { requestCall } from './call';
import { sendStatementStep } from './statement';
import { prepareLetter } from './letter';
import { endLadder } from './end-of-ladder';

/** The step's fee (once), then what its channel does, with the balance that fee moved. */
export const actOn = async (deps: EngineDeps, facts: Facts, step: Step): Promise<Acted> => {
  const now = deps.clock.now();
  const base = eventBase(facts);
  const acted: Acted = { entries: [], events: [] };
  let fee = 0;
  if (step.fee) {
    const principal = Math.max(0, facts.found.invoice.amount - facts.found.invoice.paidTotal);
    const computed = stepFee(step.fee, principal, facts.found.invoice.currency);
    if ('skipped' in computed) {
      acted.entries.push(entry(now, 'charge.skipped', computed.skipped, { stepId: step.id, rule: 'fee.currency' }));
    } else if (computed.amount > 0) {
      const charge = await applyCharge(deps, facts, step.id, 'fee', computed.amount, computed.inputs, (charged) => ({
        entry: entry(now, 'charge.applied', `fee of ${charged.amount} ${charged.currency} (${charged.rule})`, {
          stepId: step.id,
          rule: charged.rule as ChargeRule,
          data: { chargeId: charged.id, amount: charged.amount },
        }),
        event: {
          detailType: 'charge.applied',
          detail: {
            ...base,
            chargeId: charged.id,
            kind: 'fee',
            amount: charged.amount,
            currency: charged.currency,
            rule: charged.rule,
            chargedAt: charged.chargedAt,
          },
        },
      }));
      if (charge) fee = charge.amount;
    }
  }
  const balance = facts.balance + fee;
  const due: DueStep = { now, balance, fee };
  // One module per channel's action.
  const channelActs = {
    email: remind,
    sms: remind,
    call: requestCall,
    statement: sendStatementStep,
    letter: prepareLetter,
    agency: endLadder,
    write_off: endLadder,
  } as const;
  const done = await channelActs[step.channel](deps, facts, step, due);
  return { ...done, entries: [...acted.entries, ...done.entries], events: [...acted.events, ...done.events] };
};
