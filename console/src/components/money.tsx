// An amount as a person reads it, with the exact minor units kept for tests and copying.
import { money } from '../format';

export const Money = (props: { amount: number; currency: string }) => (
  <span class="money" data-minor={props.amount} data-currency={props.currency}>
    {money(props.amount, props.currency)}
  </span>
);
