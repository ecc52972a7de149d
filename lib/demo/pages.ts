/**
 * The demo shop's pages. A plain coffee-equipment shop on www.shop.example with its payment
 * step on pay.example-checkout.com, wired the way real sites often are: the tags on every
 * template but one, a checkout button that redirects by script (so the linker never decorates
 * it) next to a plain link that it does, and a LivePerson purchase push on the thanks page.
 */
import {
  GA4_LIBRARY_HOST,
  PAY_GA4_MEASUREMENT_ID,
  LIVEPERSON_LIBRARY_HOST,
  LIVEPERSON_SITE_ID,
  OPTIMIZELY_LIBRARY_HOST,
  OPTIMIZELY_PROJECT_ID,
  PAY_HOST,
  PTENGINE_LIBRARY_HOST,
  PTENGINE_PROJECT_ID,
  SHOP_HOST,
} from './hosts';

type Origin = (host: string) => string;

/** The product every demo order buys. */
export const DEMO_PRODUCT = { slug: 'espresso-machine', name: 'Lever espresso machine', price: 489, currency: 'EUR' };

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; background: #fbfaf7; }
  header { background: #3b2a20; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: center; }
  header a { color: #f4e3c9; }
  main { padding: 24px; max-width: 720px; }
  .banner { background: #ffe9a8; border: 1px solid #d9b44a; padding: 12px; margin: 12px 0; border-radius: 6px; }
  .button, button { background: #3b6e3b; color: #fff; border: 0; padding: 10px 16px; border-radius: 6px;
    font: inherit; cursor: pointer; text-decoration: none; display: inline-block; margin: 4px 8px 4px 0; }
  .note { color: #57606a; font-size: 13px; }
`;

/**
 * The shop's tags: Ptengine (its analytics, loaded first and synchronously so the visitor
 * cookie exists before the experiment reads it), Optimizely, and LivePerson with the page's
 * engagement attribute. The hosted payment page carries the shop's tags too (cross-domain
 * measurement needs them there) plus the payment provider's own GA4 property.
 */
function tagsFor(origin: Origin, sde: object, opts: { ga4?: boolean } = {}): string {
  const tags = [
    `<script src="${origin(PTENGINE_LIBRARY_HOST)}/${PTENGINE_PROJECT_ID}.js"></script>`,
    `<script src="${origin(OPTIMIZELY_LIBRARY_HOST)}/js/${OPTIMIZELY_PROJECT_ID}.js" defer></script>`,
    `<script>window.lpTag = window.lpTag || {}; lpTag.sdes = lpTag.sdes || []; lpTag.sdes.push(${JSON.stringify(sde)});</script>`,
    `<script async src="${origin(LIVEPERSON_LIBRARY_HOST)}/tag/tag.js?site=${LIVEPERSON_SITE_ID}"></script>`,
  ];
  if (opts.ga4) {
    tags.push(
      `<script async src="${origin(GA4_LIBRARY_HOST)}/gtag/js?id=${PAY_GA4_MEASUREMENT_ID}"></script>`,
      `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '${PAY_GA4_MEASUREMENT_ID}');</script>`,
    );
  }
  return tags.join('\n');
}

/**
 * The product page listens to LivePerson's event bus (deferred until the tag loads, as lpTag's
 * embed snippet does) and, when the visitor accepts the chat offer, reports a lead at once with
 * `lpTag.sdes.send`, as single-page flows do.
 */
const CHAT_LEAD_JS = `
window.lpTag = window.lpTag || {};
lpTag.events = lpTag.events || {
  bind: function (a, e, f) { (lpTag._defB = lpTag._defB || []).push(function () { lpTag.events.bind(a, e, f); }); },
  trigger: function (a, e, d) { (lpTag._defT = lpTag._defT || []).push(function () { lpTag.events.trigger(a, e, d); }); }
};
lpTag.events.bind('LP_OFFERS', 'OFFER_CLICK', function (data) {
  lpTag.sdes.send({ type: 'lead', lead: { topic: 'espresso machine advice', leadId: 'chat-' + data.engagementId + '-' + Date.now() } });
});
`;

function page(title: string, head: string, body: string, brand = 'Shop Example — coffee gear'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${STYLE}</style>
${head}
</head><body>
<header><strong>${brand}</strong></header>
<main>
${body}
</main>
</body></html>`;
}

/** Builds the pages for one server origin function; keys are `host + pathname`. */
export function demoPages(origin: Origin): Record<string, (url: URL) => string> {
  const shop = origin(SHOP_HOST);
  const pay = origin(PAY_HOST);
  const p = DEMO_PRODUCT;
  // Each payment page opens the next order number, so a demo run reads A1001, A1002, …
  let orders = 0;
  return {
    [`${SHOP_HOST}/`]: () =>
      page(
        'Shop Example — coffee gear',
        tagsFor(origin, { type: 'mrktInfo', channel: '1', campaignId: 'spring-offer' }),
        `<h1>Coffee gear for slow mornings</h1>
<p>Hand grinders, kettles and one very good espresso machine.</p>
<p><a id="to-product" class="button" href="${shop}/product/${p.slug}">See the ${p.name}</a>
<a id="to-cart" class="button" href="${shop}/cart">Your cart (1)</a></p>`,
      ),
    [`${SHOP_HOST}/product/${p.slug}`]: () =>
      page(
        `${p.name} — Shop Example`,
        tagsFor(origin, { type: 'prodView', products: [{ product: { name: p.name, sku: p.slug, price: p.price } }] }),
        `<h1>${p.name}</h1>
<div data-experience-slot></div>
<p>${p.price} ${p.currency}. Ships in two days.</p>
<p><a id="add-to-cart" class="button" href="${shop}/cart">Add to cart</a></p>
<div data-lp-engagement></div>
<script>${CHAT_LEAD_JS}</script>`,
      ),
    [`${SHOP_HOST}/cart`]: () =>
      page(
        'Cart — Shop Example',
        tagsFor(origin, { type: 'cart', total: p.price, currency: p.currency, numItems: 1 }),
        `<h1>Your cart</h1>
<p>1 × ${p.name} — ${p.price} ${p.currency}</p>
<p><button id="checkout" type="button">Checkout</button>
<a id="checkout-linked" class="button" href="${pay}/pay?amount=${p.price}&amp;currency=${p.currency}">Checkout (linked link)</a></p>
<p class="note">The Checkout button redirects by script, which the tags' linkers never decorate; the second
button is a plain link, which they do.</p>
<p><a id="to-delivery" href="${shop}/delivery">Delivery information</a> · <a id="to-product" href="${shop}/product/${p.slug}">Back to the product</a></p>
<script>
document.getElementById('checkout').addEventListener('click', function () {
  location.href = ${JSON.stringify(`${pay}/pay?amount=${p.price}&currency=${p.currency}`)};
});
</script>`,
      ),
    // The page whose template lost the tags: every vendor seen elsewhere on the site is missing here.
    [`${SHOP_HOST}/delivery`]: () =>
      page(
        'Delivery — Shop Example',
        '',
        `<h1>Delivery information</h1>
<p>We ship within two working days across the EU.</p>
<p><a id="to-home" href="${shop}/">Home</a></p>`,
      ),
    [`${SHOP_HOST}/thanks`]: (url) => {
      const order = (url.searchParams.get('order') ?? 'A0000').replace(/[^A-Za-z0-9-]/g, '');
      return page(
        'Thank you — Shop Example',
        tagsFor(origin, { type: 'purchase', total: p.price, currency: p.currency, orderId: order }),
        `<h1>Thank you for your order</h1>
<p>Order <strong id="order-id">${order}</strong> is confirmed.</p>
<p><a id="to-home" href="${shop}/">Continue shopping</a> · <a id="to-delivery" href="${shop}/delivery">Delivery information</a></p>`,
      );
    },
    [`${PAY_HOST}/pay`]: (url) => {
      const amount = Number(url.searchParams.get('amount') ?? p.price) || p.price;
      orders += 1;
      const order = `A${1000 + orders}`;
      return page(
        'Payment — Example Checkout',
        tagsFor(origin, { type: 'cart', total: amount, currency: p.currency, numItems: 1 }, { ga4: true }),
        `<h1>Pay ${amount} ${p.currency} to Shop Example</h1>
<p>Card ending 4242</p>
<p><button id="pay-now" type="button">Pay now</button></p>
<script>
// After payment the provider sends the customer back by redirect, as payment pages do.
document.getElementById('pay-now').addEventListener('click', function () {
  location.href = ${JSON.stringify(`${shop}/thanks?order=${order}`)};
});
</script>`,
        'Example Checkout — secure payment',
      );
    },
  };
}
