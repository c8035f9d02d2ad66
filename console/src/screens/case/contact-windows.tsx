// Whether the customer may be called, emailed or texted right now, and if not, from when and by which rule.
import type { ContactWindow } from '../../api-types';
import { dateTime } from '../../format';
import { RULE_WORDS } from './words';

const CHANNEL_WORDS: Record<string, string> = { call: 'Call', email: 'Email', sms: 'Text message' };

export const windowWords = (window: ContactWindow, zone: string): string => {
  if (!window.rule) return 'allowed now';
  const rule = RULE_WORDS[window.rule] ?? window.rule;
  return window.nextAllowedAt
    ? `next allowed ${dateTime(window.nextAllowedAt, zone)} (${rule})`
    : `not allowed (${rule})`;
};

export const ContactWindows = (props: { windows: ContactWindow[]; zone: string }) => (
  <section class="card" aria-labelledby="windows-heading">
    <h2 id="windows-heading">Contact now?</h2>
    <dl class="facts">
      {props.windows.map((window) => (
        <>
          <dt key={`${window.channel}-t`}>{CHANNEL_WORDS[window.channel] ?? window.channel}</dt>
          <dd key={`${window.channel}-d`} data-channel={window.channel} class={window.rule ? 'blocked' : 'allowed'}>
            {windowWords(window, props.zone)}
          </dd>
        </>
      ))}
    </dl>
  </section>
);
