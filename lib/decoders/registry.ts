/**
 * Every decoder, in the order they are tried: the first whose `match` accepts a request
 * decodes it, so specific patterns go before general ones (GA4 `/g/collect` before UA
 * `/collect`, Piwik PRO before Matomo). Adding a vendor is one import and one line.
 */
import type { PushDecoder, RequestDecoder } from './types';
import { adobeAnalytics } from './vendors/adobe-analytics';
import { adobeTarget } from './vendors/adobe-target';
import { adobeWebSdk } from './vendors/adobe-websdk';
import { amplitude } from './vendors/amplitude';
import { dataLayerPush } from './vendors/datalayer';
import { ga4 } from './vendors/ga4';
import { googleAds } from './vendors/google-ads';
import { gtag, gtm } from './vendors/gtm';
import { linkedin } from './vendors/linkedin';
import { liveperson, livepersonPush } from './vendors/liveperson';
import { matomo } from './vendors/matomo';
import { meta } from './vendors/meta';
import { mixpanel } from './vendors/mixpanel';
import { optimizely } from './vendors/optimizely';
import { ptengine, ptenginePush } from './vendors/ptengine';
import { segment } from './vendors/segment';
import { snowplow } from './vendors/snowplow';
import { tiktok } from './vendors/tiktok';
import { ua } from './vendors/ua';
import { vwo } from './vendors/vwo';

export const requestDecoders: RequestDecoder[] = [
  ga4,
  ua,
  googleAds,
  gtm,
  gtag,
  adobeAnalytics,
  adobeWebSdk,
  adobeTarget,
  meta,
  tiktok,
  linkedin,
  segment,
  mixpanel,
  amplitude,
  matomo,
  snowplow,
  optimizely,
  vwo,
  ptengine,
  liveperson,
];

export const pushDecoders: PushDecoder[] = [livepersonPush, ptenginePush, dataLayerPush];

// Vendors of the public conformance set (tests/conformance). Host-specific matchers first,
// path-only ones (any host: AT Internet, Piwik PRO, Webtrends, Heartbeat's API) last.
import { adobeAudienceManager } from './vendors/adobe-audience-manager';
import { adobeDtm } from './vendors/adobe-dtm';
import { adobeEcid } from './vendors/adobe-ecid';
import { adobeHeartbeat } from './vendors/adobe-heartbeat';
import { adobeLaunch } from './vendors/adobe-launch';
import { atinternet } from './vendors/atinternet';
import { bingUet } from './vendors/bing-uet';
import { clarity } from './vendors/clarity';
import { comscore } from './vendors/comscore';
import { criteo } from './vendors/criteo';
import { demandbase } from './vendors/demandbase';
import { dynamicYield } from './vendors/dynamic-yield';
import { ensighten } from './vendors/ensighten';
import { floodlight } from './vendors/floodlight';
import { hotjar } from './vendors/hotjar';
import { invoca } from './vendors/invoca';
import { lytics } from './vendors/lytics';
import { mparticle } from './vendors/mparticle';
import { outbrain } from './vendors/outbrain';
import { parsely } from './vendors/parsely';
import { pinterest } from './vendors/pinterest';
import { piwikPro } from './vendors/piwik-pro';
import { piwikProTm } from './vendors/piwik-pro-tm';
import { reddit } from './vendors/reddit';
import { rudderstack } from './vendors/rudderstack';
import { sixsense } from './vendors/sixsense';
import { sklik } from './vendors/sklik';
import { snapchat } from './vendors/snapchat';
import { splitio } from './vendors/splitio';
import { tealiumEventstream } from './vendors/tealium-eventstream';
import { tealiumIq } from './vendors/tealium-iq';
import { twitter } from './vendors/twitter';
import { webtrends } from './vendors/webtrends';
requestDecoders.push(
  adobeLaunch,
  adobeDtm,
  adobeAudienceManager,
  adobeEcid,
  bingUet,
  clarity,
  comscore,
  criteo,
  demandbase,
  dynamicYield,
  ensighten,
  floodlight,
  hotjar,
  invoca,
  lytics,
  mparticle,
  outbrain,
  parsely,
  pinterest,
  piwikProTm,
  reddit,
  rudderstack,
  sixsense,
  sklik,
  snapchat,
  splitio,
  tealiumIq,
  tealiumEventstream,
  twitter,
  piwikPro,
  atinternet,
  webtrends,
  adobeHeartbeat,
);
