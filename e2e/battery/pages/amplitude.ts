import * as amplitude from '@amplitude/analytics-browser';
import { orderId, run, step } from './page-kit';

// A product description long enough that the upload passes 2 KiB: Amplitude then gzips it.
const description = 'A sturdy walking shoe with a breathable upper, a cushioned sole and laces made of recycled fibre. '.repeat(30);

run(async () => {
  await amplitude.init('battery-amplitude-key', {
    autocapture: {
      pageViews: true,
      sessions: false,
      attribution: false,
      formInteractions: false,
      fileDownloads: false,
      elementInteractions: false,
    },
    flushIntervalMillis: 300,
  }).promise;
  if (step === 'home') {
    amplitude.track('Product Added', { product_id: 'sku-1', price: 21, quantity: 2, description });
  } else {
    const revenue = new amplitude.Revenue()
      .setProductId('sku-1')
      .setPrice(21)
      .setQuantity(2)
      .setCurrency('EUR')
      .setRevenueType('purchase')
      .setEventProperties({ order_id: orderId() });
    amplitude.revenue(revenue);
  }
  await amplitude.flush().promise;
  return amplitude.getDeviceId();
});
