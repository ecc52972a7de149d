/**
 * The journey the demo walks: one shopper, two visits, as audit steps (lib/audit/steps.ts).
 *
 * Visit 1 (direct): home → product (the spring banner is shown) → cart → the script-redirect
 * Checkout button to the payment domain (undecorated: a cross-domain break) → back to the
 * thanks page with a LivePerson purchase push.
 * Visit 2 (a newsletter campaign link starts a new visit): home → cart before the banner
 * (the campaign goal is reached before its experience) → product (banner; the LivePerson chat
 * offer is shown and accepted) → cart → the linked
 * checkout link (decorated: the visitor is carried over) → thanks → a reload of the thanks
 * page (the same order id again) → the delivery page, whose template lost the tags.
 */
import type { Step } from '../audit/steps';

/** The newsletter link that brings the shopper back (a traffic-source change). */
export const CAMPAIGN_QUERY = '?utm_source=newsletter&utm_medium=email&utm_campaign=spring-offer';

export const DEMO_STEPS: readonly Step[] = [
  { click: '#to-product' },
  { click: '#add-to-cart' },
  { click: '#checkout' },
  { click: '#pay-now' },
  { wait: { selector: '#order-id' } },
  { navigate: `/${CAMPAIGN_QUERY}` },
  { click: '#to-cart' },
  { click: '#to-product' },
  { click: '#lp-engagement' },
  { click: '#add-to-cart' },
  { click: '#checkout-linked' },
  { click: '#pay-now' },
  { wait: { selector: '#order-id' } },
  { reload: true },
  { click: '#to-delivery' },
];
