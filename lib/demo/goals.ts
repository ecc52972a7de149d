/**
 * The demo's goals file: what the shop's analysts measure. `goalpost demo` also writes it to
 * its output folder, so the same goals can be replayed or edited.
 */
import type { GoalsDoc } from '../formats/goals';
import { DEMO_EXPERIENCE } from './experience';
import { PAY_HOST, SHOP_HOST } from './hosts';

const registrable = (host: string) => host.split('.').slice(-2).join('.');

export const DEMO_GOALS: GoalsDoc = {
  format: 'goalpost.goals/1',
  model: 'ptengine',
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
