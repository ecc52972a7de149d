/**
 * `npm run demo` as a new user runs it: the real CLI, the real built extension in Chromium,
 * the bundled shop on its local domains. Asserts what the README promises the output names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Report } from '../lib/formats/report';
import * as story from './support/demo-story';

describe('goalpost demo', () => {
  let out: string;
  let run: story.CliRun;
  let report: Report;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'goalpost-demo-'));
    run = await story.runCli(['demo', '--out', out]);
    report = story.readReport(out);
  }, 150_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('finishes in under two minutes with exit code 0', () => story.expectFinished(run));
  it('names the cross-domain break between the shop and the payment domain', () => story.expectCrossDomainStory(report, run.stdout));
  it('gives the experience-before-goal verdict both ways', () => story.expectExperienceStory(report, run.stdout));
  it('shows conversions, goals and total differing for the thanks page', () => story.expectCountingStory(report, run.stdout));
  it('finds the page whose tags are missing and the repeated order id', () => story.expectTagStory(report, run.stdout));
  it("captures LivePerson's page reports carrying the SDEs the shop pushed and sent", () => story.expectLivePersonStory(out, report));
  it('writes a screenshot of each panel view and the files to replay it', () => story.expectOutputs(out, run.stdout));
});
