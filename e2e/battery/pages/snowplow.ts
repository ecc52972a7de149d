import { newTracker, trackPageView, trackStructEvent } from '@snowplow/browser-tracker';
import { SnowplowEcommercePlugin, trackTransaction } from '@snowplow/browser-plugin-snowplow-ecommerce';
import { orderId, run, step } from './page-kit';

run(async () => {
  const tracker = newTracker('sp', 'https://collector.snplow.net', {
    appId: 'battery-shop',
    plugins: [SnowplowEcommercePlugin()],
    eventMethod: 'post',
    bufferSize: 1,
    contexts: { webPage: true },
  });
  trackPageView();
  if (step === 'home') {
    trackStructEvent({ category: 'cart', action: 'add', label: 'sku-1', value: 42 });
  } else {
    trackTransaction({
      transaction_id: orderId(),
      revenue: 42,
      currency: 'EUR',
      payment_method: 'card',
      total_quantity: 2,
      products: [{ id: 'sku-1', name: 'Shoe', price: 21, quantity: 2, currency: 'EUR' }],
    });
  }
  return tracker?.getDomainUserId();
});
