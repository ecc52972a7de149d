import { afterAll, beforeAll, describe, it } from 'vitest';
import * as story from './support/demo-story';

describe('goalpost demo', () => {
  let demo: story.DemoRun;

  beforeAll(async () => {
    demo = await story.runDemo();
  }, 150_000);

  afterAll(() => story.removeDemo(demo));

  it('finishes in under two minutes with exit code 0', () => story.expectFinished(demo.run));
  it('names the cross-domain break between the shop and the payment domain', () =>
    story.expectCrossDomainStory(demo.report, demo.run.stdout));
  it('gives the experience-before-goal verdict both ways', () => story.expectExperienceStory(demo.report, demo.run.stdout));
  it('shows conversions, goals and total differing for the thanks page', () => story.expectCountingStory(demo.report, demo.run.stdout));
  it('finds the page whose tags are missing and the repeated order id', () => story.expectTagStory(demo.report, demo.run.stdout));
  it("captures LivePerson's page reports carrying the SDEs the shop pushed and sent", () =>
    story.expectLivePersonStory(demo.out, demo.report));
  it('writes a screenshot of each panel view and the files to replay it', () => story.expectOutputs(demo.out, demo.run.stdout));
});
