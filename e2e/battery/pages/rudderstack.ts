import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
import { options, orderId, run, step } from './page-kit';

run(async () => {
  const analytics = new RudderAnalytics();
  await new Promise<void>((ready) => {
    // useBeacon (a variant): batches go by sendBeacon to /beacon/v1/batch?writeKey=…
    analytics.load('battery-rudder-wk', 'https://batteryshop.dataplane.rudderstack.com', {
      onLoaded: () => ready(),
      ...(options().useBeacon ? { useBeacon: true, beaconQueueOptions: { flushQueueInterval: 300 } } : {}),
    });
  });
  analytics.page();
  if (step === 'home') analytics.track('Product Added', { product_id: 'sku-1', price: 21, quantity: 2 });
  else
    analytics.track('Order Completed', {
      order_id: orderId(),
      total: 42,
      revenue: 42,
      currency: 'EUR',
      products: [{ product_id: 'sku-1', price: 21, quantity: 2 }],
    });
  return analytics.getAnonymousId();
});
