import { describe, expect, it } from 'vitest';
import { checkSteps, describeStep, parseSteps } from '../../lib/audit/steps';
import { InputError } from '../../lib/formats/errors';

describe('steps files', () => {
  it('accepts every step kind in a versioned document and in a bare array', () => {
    const steps = [
      { navigate: '/cart' },
      { click: '#checkout' },
      { wait: 250 },
      { wait: { selector: '#order-id', timeoutMs: 5000 } },
      { reload: true },
    ];
    const doc = checkSteps({ format: 'goalpost.steps/1', steps });
    expect(doc).toEqual({ ok: true, steps });
    expect(checkSteps(steps)).toEqual({ ok: true, steps });
    expect(steps.map((s) => describeStep(s as never))).toEqual([
      'navigate to /cart',
      'click #checkout',
      'wait 250 ms',
      'wait for #order-id',
      'reload the page',
    ]);
  });

  it.each([
    [{ format: 'goalpost.steps/2', steps: [] }, 'format must be "goalpost.steps/1" (found "goalpost.steps/2")'],
    [{ steps: {} }, 'steps must be an array of steps such as [{"click": "#buy"}]'],
    [42, 'the steps file must be a JSON object'],
    [{ steps: ['#buy'] }, 'steps[0] must be an object such as {"click": "#buy"}'],
    [{ steps: [{ click: '#a', wait: 5 }] }, 'steps[0] must have exactly one of navigate, click, wait, reload (found click and wait)'],
    [{ steps: [{ clik: '#a' }] }, 'steps[0] must have exactly one of navigate, click, wait, reload (found none)'],
    [{ steps: [{ wait: 5 }, { click: 'a[href' }] }, 'steps[1].click must be a CSS selector such as "#checkout"'],
    [{ steps: [{ wait: -1 }] }, 'steps[0].wait must be a number of milliseconds between 0 and 120000'],
    [{ steps: [{ wait: 1e9 }] }, 'steps[0].wait must be a number of milliseconds between 0 and 120000'],
    [{ steps: [{ wait: 'soon' }] }, 'steps[0].wait must be milliseconds (e.g. 500) or {"selector": "#id"}'],
    [
      { steps: [{ wait: { selector: '#x', timeoutMs: 0 } }] },
      'steps[0].wait.timeoutMs must be a number of milliseconds between 1 and 120000',
    ],
    [{ steps: [{ navigate: '' }] }, 'steps[0].navigate must be a URL or a path such as "/cart"'],
    [{ steps: [{ reload: 'yes' }] }, 'steps[0].reload must be true'],
    [[{ click: '' }], '[0].click must be a CSS selector such as "#checkout"'],
  ])('refuses %j with one sentence', (doc, error) => {
    const r = checkSteps(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.startsWith(error)).toBe(true);
      expect(r.error).not.toMatch(/\n/);
    }
  });

  it('names the file in parse errors and never throws anything but InputError', () => {
    for (const text of ['', '{"steps": [', '{"steps": [{"wait": "x"}]}', 'null']) {
      let caught: unknown;
      try {
        parseSteps(text, 'walk.json');
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as Error).message.startsWith('walk.json: ')).toBe(true);
    }
    expect(parseSteps('[{"click": "#buy"}]', 'walk.json')).toEqual([{ click: '#buy' }]);
  });
});
