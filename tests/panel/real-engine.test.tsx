// @vitest-environment happy-dom
/** The views fed by the real engine on the fixture journey: what a person sees end to end. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type ViewId } from '../../components/App';
import { defaultEngine } from '../../lib/panel/default-engine';
import { fixtureStore } from './helpers';

afterEach(cleanup);

const show = (view: ViewId) => {
  const fx = fixtureStore({ engine: defaultEngine });
  return { ...render(<App store={fx.store} initialView={view} />), fx };
};

describe('views on the real engine’s report', () => {
  it('computes a report from the live events and the stored goals', () => {
    const { fx } = show('tags');
    const r = fx.store.result.value;
    expect(r.ok).toBe(true);
    expect(fx.store.report.value?.goals.map((g) => g.id)).toEqual(['thanks', 'thanks-exp42', 'visited']);
  });

  it('Tags marks the page that lost the Ptengine tag', () => {
    const { container } = show('tags');
    const problems = [...container.querySelectorAll('.problem-row')].map((r) => r.getAttribute('title') ?? '');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('http://shop.test/about');
  });

  it('Sessions draws the unlinked hop to pay.test as a break with the engine’s reason', () => {
    const { container } = show('sessions');
    const hop = container.querySelector('.hop.break');
    expect(hop?.textContent).toContain('pay.test');
    expect(hop?.textContent).toContain('_pt_link');
  });

  it('Goals shows the goal reached before exp-42, then exp-42 displayed', () => {
    const { container } = show('goals');
    const strip = container.querySelector('details[data-goal="thanks-exp42"] .strip');
    expect([...(strip?.querySelectorAll('.mark') ?? [])].map((m) => m.className.trim())).toEqual(['mark goal not-counted', 'mark exp']);
  });

  it('Diagnose puts the three errors before the warning', () => {
    const { container } = show('diagnose');
    const sev = [...container.querySelectorAll('.finding')].map((f) => `${f.getAttribute('data-code')}`);
    expect(sev.slice(0, 3).sort()).toEqual(['cross-domain-break', 'tag-failed', 'tag-missing']);
    expect(sev[3]).toBe('goal-before-experience');
  });
});
