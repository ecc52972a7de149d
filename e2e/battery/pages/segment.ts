import { AnalyticsBrowser } from '@segment/analytics-next';
import { orderId, run, step } from './page-kit';

run(async () => {
  const [analytics] = await AnalyticsBrowser.load({ writeKey: 'battery-segment-wk' });
  await analytics.page();
  if (step === 'home') {
    await analytics.track('Product Added', { product_id: 'sku-1', price: 21, quantity: 2 });
  } else {
    await analytics.track('Order Completed', {
      order_id: orderId(),
      total: 42,
      revenue: 42,
      currency: 'EUR',
      products: [{ product_id: 'sku-1', price: 21, quantity: 2 }],
    });
  }
  return analytics.user().anonymousId() ?? undefined;
});
