/** The libraries of the battery, in the order they run. */
import type { Library } from '../library';
import { adobe } from './adobe';
import { amplitude } from './amplitude';
import { ga4mp } from './ga4mp';
import { mixpanel } from './mixpanel';
import { mparticle } from './mparticle';
import { optimizely } from './optimizely';
import { rudderstack } from './rudderstack';
import { segment } from './segment';
import { snowplow } from './snowplow';
import { split } from './split';

export const LIBRARIES: Library[] = [segment, rudderstack, mixpanel, amplitude, snowplow, optimizely, adobe, mparticle, split, ga4mp];
