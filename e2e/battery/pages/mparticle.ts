import mParticleModule from '@mparticle/web-sdk';
import { orderId, run, step } from './page-kit';

// The package's type declarations do not describe its default export's methods: the calls used here.
interface MParticle {
  init(key: string, config: Record<string, unknown>): void;
  logPageView(name: string, attrs: Record<string, unknown>): void;
  logEvent(name: string, type: number, attrs: Record<string, unknown>): void;
  EventType: { Transaction: number };
  ProductActionType: { Purchase: number };
  eCommerce: {
    createProduct(name: string, sku: string, price: number, quantity: number): unknown;
    createTransactionAttributes(
      id: string,
      affiliation: string,
      coupon: undefined,
      revenue: number,
      shipping: number,
      tax: number,
    ): unknown;
    logProductAction(action: number, products: unknown[], attrs: null, flags: null, transaction: unknown): void;
  };
  upload(): void;
  Identity: { getCurrentUser(): { getMPID(): string } | null };
}
const mParticle = mParticleModule as unknown as MParticle;

run(async () => {
  await new Promise<void>((ready) => {
    mParticle.init('battery-mparticle-key', {
      isDevelopmentMode: true,
      logLevel: 'none',
      // The v3 batch upload, as mParticle's config service turns it on for web workspaces.
      flags: { reportBatching: true, eventBatchingIntervalMillis: 500 },
      identityCallback: () => ready(),
    });
  });
  mParticle.logPageView('page view', { page: location.href });
  if (step === 'home') {
    mParticle.logEvent('Product Added', mParticle.EventType.Transaction, { product_id: 'sku-1', price: 21, quantity: 2 });
  } else {
    const shoe = mParticle.eCommerce.createProduct('Shoe', 'sku-1', 21, 2);
    const attrs = mParticle.eCommerce.createTransactionAttributes(orderId(), 'battery', undefined, 42, 0, 0);
    mParticle.eCommerce.logProductAction(mParticle.ProductActionType.Purchase, [shoe], null, null, attrs);
  }
  mParticle.upload();
  // mParticle counts users by the MPID its identity service assigned (the device id only stamps the browser).
  return mParticle.Identity.getCurrentUser()?.getMPID();
});
