import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
import { orderId, run, step } from './page-kit';

run(async () => {
  const analytics = new RudderAnalytics();
  await new Promise<void>((ready) => {
    analytics.load('battery-rudder-wk', 'https://batteryshop.dataplane.rudderstack.com', { onLoaded: () => ready() });
  });
  analytics.page();
  if (step === 'home') analytics.track('Product Added', { product_id: 'sku-1', price: 21, quantity: 2 });
  else analytics.track('Order Completed', { order_id: orderId('rudderstack'), total: 42, revenue: 42, currency: 'EUR', products: [{ product_id: 'sku-1', price: 21, quantity: 2 }] });
  return analytics.getAnonymousId();
});
