/**
 * The demo's one experience: the spring banner on the product page, run as an Optimizely
 * campaign. Campaign goals in the demo goals file name it by the id the decoder reports.
 */
export const DEMO_EXPERIENCE = {
  campaignId: '31000001',
  experimentId: '31000002',
  variationId: '31000003',
  /** What the demo goals name as `experience` (the id the experience hit carries). */
  goalId: '31000002',
};
