import mixpanel from 'mixpanel-browser';
import { orderId, run, step } from './page-kit';

run(async () => {
  await new Promise<void>((loaded) =>
    mixpanel.init('battery-mixpanel-token', {
      track_pageview: true,
      batch_flush_interval_ms: 300,
      persistence: 'localStorage',
      loaded: () => loaded(),
    }),
  );
  if (step === 'home') mixpanel.track('Product Added', { product_id: 'sku-1', price: 21, quantity: 2 });
  // Mixpanel has no purchase call: its guides track revenue as an event with properties.
  else mixpanel.track('Purchase', { order_id: orderId(), revenue: 42, currency: 'EUR' });
  return mixpanel.get_property('$device_id') as string | undefined;
});
