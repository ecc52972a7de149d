import { SplitFactory } from '@splitsoftware/splitio';
import { orderId, run, step } from './page-kit';

run(async () => {
  const key = localStorage.getItem('battery_split_key') ?? `user-${Math.random().toString(36).slice(2, 10)}`;
  localStorage.setItem('battery_split_key', key);
  const factory = SplitFactory({
    core: { authorizationKey: 'battery-split-client-key', key },
    streamingEnabled: false,
    sync: { impressionsMode: 'DEBUG' },
    debug: false,
  });
  const client = factory.client();
  await client.whenReady();
  if (step === 'home') {
    const treatment = client.getTreatment('battery_checkout');
    if (treatment !== 'on') throw new Error(`unexpected treatment ${treatment}`);
  } else {
    client.track('user', 'purchase', 42, { order_id: orderId(), currency: 'EUR' });
  }
  // Impressions and events go out on a timer of a minute or more; destroy sends them now.
  await client.destroy();
  return key;
});
