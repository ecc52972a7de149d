import { createBatchEventProcessor, createInstance, createPollingProjectConfigManager } from '@optimizely/optimizely-sdk';
import { run, step } from './page-kit';

run(async () => {
  // Feature Experimentation has no visitor cookie: the site keeps the user id.
  const userId = localStorage.getItem('battery_user') ?? `user-${Math.random().toString(36).slice(2, 10)}`;
  localStorage.setItem('battery_user', userId);
  const client = createInstance({
    projectConfigManager: createPollingProjectConfigManager({ sdkKey: 'BatterySdkKey01', autoUpdate: false }),
    eventProcessor: createBatchEventProcessor({ batchSize: 10, flushInterval: 300 }),
  });
  await client.onReady();
  const user = client.createUserContext(userId);
  if (!user) throw new Error('no user context');
  if (step === 'home') {
    const decision = user.decide('checkout_flag');
    if (decision.variationKey !== 'treatment') throw new Error(`unexpected decision ${JSON.stringify(decision)}`);
    user.trackEvent('add_to_cart');
  } else {
    // Revenue is an integer in cents (Optimizely's reserved `revenue` tag).
    user.trackEvent('purchase', { revenue: 4200, value: 42 });
  }
  return userId;
});
