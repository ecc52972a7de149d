import ga4mp from '@analytics-debugger/ga4mp';
import { options, orderId, run, step } from './page-kit';

// ga4mp keeps no cookie of its own: the site stores the client and session ids, as gtag's cookies would.
const stored = (key: string, make: () => string): string => {
  const v = localStorage.getItem(key) ?? make();
  localStorage.setItem(key, v);
  return v;
};

run(async () => {
  const clientId = stored('battery_cid', () => `${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`);
  const sessionId = stored('battery_sid', () => String(Math.floor(Date.now() / 1000)));
  // `endpoint` (a variant): collection served under the site's own path, as Google's first-party mode does.
  const endpoint = typeof options().endpoint === 'string' ? { endpoint: options().endpoint } : {};
  const ga = ga4mp(['G-BATTERY01'], { client_id: clientId, session_id: sessionId, non_personalized_ads: true, ...endpoint });
  ga.trackEvent('page_view');
  if (step === 'home')
    ga.trackEvent('add_to_cart', { currency: 'EUR', value: 42, items: [{ item_id: 'sku-1', item_name: 'Shoe', price: 21, quantity: 2 }] });
  else
    ga.trackEvent('purchase', {
      transaction_id: orderId(),
      currency: 'EUR',
      value: 42,
      items: [{ item_id: 'sku-1', item_name: 'Shoe', price: 21, quantity: 2 }],
    });
  return ga.getClientId() as string;
});
