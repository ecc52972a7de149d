/** The libraries of the battery, in the order they run. */
import type { Library } from '../library';
import { adobe, adobeRendered } from './adobe';
import { amplitude } from './amplitude';
import { ga4mp, ga4mpFirstParty } from './ga4mp';
import { mixpanel, mixpanelSlow } from './mixpanel';
import { mparticle } from './mparticle';
import { optimizely, optimizelyEu } from './optimizely';
import { rudderstack, rudderstackBeacon } from './rudderstack';
import { segment } from './segment';
import { snowplow } from './snowplow';
import { split } from './split';

export const LIBRARIES: Library[] = [segment, rudderstack, mixpanel, amplitude, snowplow, optimizely, adobe, mparticle, split, ga4mp];

/** The same libraries configured otherwise: other transports, hosts and paths they really use. */
export const VARIANTS: Library[] = [rudderstackBeacon, mixpanelSlow, optimizelyEu, adobeRendered, ga4mpFirstParty];

export const BATTERY: Library[] = [...LIBRARIES, ...VARIANTS];
