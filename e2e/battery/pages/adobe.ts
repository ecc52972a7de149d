import { createInstance } from '@adobe/alloy';
import { options, orderId, run, step } from './page-kit';

run(async () => {
  const alloy = createInstance({ name: 'alloy' });
  await alloy('configure', {
    datastreamId: 'battery-datastream-0001',
    orgId: 'BATTERY0123456789ABCDEF@AdobeOrg',
    edgeDomain: 'edge.adobedc.net',
    clickCollectionEnabled: false,
    thirdPartyCookiesEnabled: false,
    debugEnabled: false,
  });
  const page = { web: { webPageDetails: { URL: location.href, name: step, pageViews: { value: 1 } } } };
  if (step === 'home' && options().rendered) {
    // Rendered at the top of the page without a display event of its own; the page view at the
    // bottom then carries the display (includeRenderedPropositions), as Adobe's guide for
    // page-load personalisation shows.
    await alloy('sendEvent', { renderDecisions: true, personalization: { sendDisplayEvent: false } });
    await alloy('sendEvent', {
      xdm: { eventType: 'web.webpagedetails.pageViews', ...page },
      personalization: { includeRenderedPropositions: true },
    });
    await alloy('sendEvent', {
      xdm: {
        eventType: 'commerce.productListAdds',
        commerce: { productListAdds: { value: 1 } },
        productListItems: [{ SKU: 'sku-1', quantity: 2, priceTotal: 42 }],
      },
    });
  } else if (step === 'home') {
    // Page view and the offer for the home page in one call, as Web SDK pages usually do.
    const result = (await alloy('sendEvent', {
      xdm: { eventType: 'web.webpagedetails.pageViews', ...page },
      personalization: { decisionScopes: ['battery-offer'] },
    })) as { propositions?: { id: string; scope: string; scopeDetails: unknown }[] };
    const propositions = (result.propositions ?? []).filter((p) => p.scope === 'battery-offer');
    if (propositions.length === 0) throw new Error('no proposition for battery-offer');
    await alloy('sendEvent', {
      xdm: {
        eventType: 'decisioning.propositionDisplay',
        _experience: {
          decisioning: {
            propositions: propositions.map((p) => ({ id: p.id, scope: p.scope, scopeDetails: p.scopeDetails })),
            propositionEventType: { display: 1 },
          },
        },
      },
    });
    await alloy('sendEvent', {
      xdm: {
        eventType: 'commerce.productListAdds',
        commerce: { productListAdds: { value: 1 } },
        productListItems: [{ SKU: 'sku-1', quantity: 2, priceTotal: 42 }],
      },
    });
  } else {
    await alloy('sendEvent', { xdm: { eventType: 'web.webpagedetails.pageViews', ...page } });
    await alloy('sendEvent', {
      xdm: {
        eventType: 'commerce.purchases',
        commerce: { order: { purchaseID: orderId(), priceTotal: 42, currencyCode: 'EUR' }, purchases: { value: 1 } },
        productListItems: [{ SKU: 'sku-1', quantity: 2, priceTotal: 42 }],
      },
    });
  }
  const identity = (await alloy('getIdentity', { namespaces: ['ECID'] })) as { identity?: { ECID?: string } };
  return identity.identity?.ECID;
});
