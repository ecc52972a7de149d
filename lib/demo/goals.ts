/**
 * The demo's goals file: what the shop's analysts measure. `goalpost demo` also writes it to
 * its output folder, so the same goals can be replayed or edited.
 */
import { getDomain } from 'tldts';
import type { GoalsDoc } from '../formats/goals';
import { DEMO_EXPERIENCE } from './experience';
import { PAY_HOST, SHOP_HOST } from './hosts';

const registrable = (host: string): string => getDomain(host) ?? host;

export const DEMO_GOALS: GoalsDoc = {
  format: 'goalpost.goals/1',
  model: 'ptengine',
  // Ptengine counts visits and pages; the purchase goal is LivePerson's SDE on the thanks page.
  vendors: ['ptengine', 'liveperson'],
  crossDomain: { domains: [registrable(SHOP_HOST), registrable(PAY_HOST)] },
  goals: [
    { id: 'thanks', name: 'Reached the thanks page', when: { url: { contains: '/thanks' } } },
    { id: 'purchase', name: 'Purchase (LivePerson)', when: { transaction: {} } },
    {
      id: 'cart-after-banner',
      name: 'Cart after the spring banner',
      when: { url: { contains: '/cart' } },
      experience: DEMO_EXPERIENCE.goalId,
      oncePerVisit: true,
    },
  ],
};
