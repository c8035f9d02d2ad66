// The customer's part on Stripe's hosted Checkout page (locally the Stripe stand-in's): type a test card and pay.
import type { Page } from 'playwright-core';

/** Stripe's test cards: the first pays, the second is declined. */
export const CARDS = { pays: '4242 4242 4242 4242', declined: '4000 0000 0000 0002' } as const;

/**
 * Fills the card form the portal redirected to and submits it; resolves once the browser has arrived where paying
 * leads (the portal's receipt page for a card that pays; the card form again, with its message, for a declined one).
 */
export const payOnCheckout = async (page: Page, card: string = CARDS.pays): Promise<void> => {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry (MM/YY)').fill('12/34');
  await page.getByLabel('CVC').fill('123');
  const arrival = card === CARDS.pays ? /\/portal\/[^/]+\/receipt/ : /\/c\/pay\//;
  await Promise.all([page.waitForURL(arrival), page.getByRole('button', { name: 'Pay', exact: true }).click()]);
};
