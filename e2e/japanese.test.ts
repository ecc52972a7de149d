import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromExtensionPage } from '../lib/browser/extension-page';
import { launchWithExtension, type LaunchedBrowser } from '../lib/browser/chromium';
import { DEMO_GOALS } from '../lib/demo/goals';
import { DEMO_MAP_HOSTS } from '../lib/demo/hosts';
import { DEMO_STEPS } from '../lib/demo/journey';
import { startDemoSite, type DemoSite } from '../lib/demo/site';
import * as story from './support/demo-story';
import { walk } from './support/panel-walk';

describe('the extension in Japanese', () => {
  let launched: LaunchedBrowser;
  let site: DemoSite;
  let ext: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await startDemoSite();
    launched = await launchWithExtension({ mapHosts: [...DEMO_MAP_HOSTS], lang: 'ja' });
    ext = await launched.browser.newPage();
    await ext.goto(`chrome-extension://${launched.extensionId}/panel.html`);
    expect(await sendFromExtensionPage(ext, { type: 'goalpost:set-goals', goals: DEMO_GOALS })).toEqual({ ok: true });
    const shop = await launched.browser.newPage();
    await walk(shop, site.start, DEMO_STEPS);
    tabId = (await ext.evaluate(async (host) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
      return (await c.tabs.query({})).find((t) => t.url?.includes(host))?.id;
    }, 'shop.example'))!;
    expect(tabId).toBeTypeOf('number');
  }, 120_000);

  afterAll(async () => {
    await launched?.close();
    await site?.close();
  });

  it('the browser accepts both catalogues and names the extension from them', async () => {
    const self = await ext.evaluate(() => {
      const c = (globalThis as unknown as { chrome: { management: { getSelf(): Promise<{ name: string; description: string }> } } }).chrome;
      return c.management.getSelf();
    });
    expect(self.name).toBe('Goalpost');
    expect(self.description).toMatch(/^どの計測タグが発火したかを表示し/);
    const message = await ext.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getMessage(k: string, s?: string[]): string } } }).chrome.i18n.getMessage(
        'tab_errors',
        ['3'],
      ),
    );
    expect(message).toBe('エラー 3 件');
  });

  it('the popup and the panel speak Japanese, findings included', async () => {
    const popup = await launched.browser.newPage();
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tabId=${tabId}`, { waitUntil: 'load' });
    await popup.waitForFunction(() => document.querySelector('dl') !== null, { timeout: 10_000 });
    expect(await popup.$$eval('dt', (dts) => dts.map((d) => d.textContent))).toEqual(['タグ', '送信済み', '失敗', '問題']);
    expect(await popup.$eval('a', (a) => a.textContent)).toBe('このタブの Goalpost パネルを開く');

    const panel = await launched.browser.newPage();
    await panel.setViewport({ width: 800, height: 760 });
    await panel.goto(`chrome-extension://${launched.extensionId}/panel.html?tabId=${tabId}`, { waitUntil: 'load' });
    await panel.waitForSelector('[role=tab]');
    expect(await panel.$$eval('[role=tab]', (tabs) => tabs.map((t) => t.textContent))).toEqual([
      'タグ',
      'セッション',
      'ゴール',
      '診断',
      'エディター',
    ]);
    // The journey settles as the relay's last batches arrive; the hop to the payment domain lost the link parameter.
    await panel.click('#tab-sessions');
    await panel.waitForFunction(() => (document.body.textContent ?? '').includes('のクロスドメイン測定を設定してください。'), {
      timeout: 20_000,
    });
    const text = await panel.evaluate(() => document.body.textContent ?? '');
    expect(text).toMatch(
      /shop\.example と example-checkout\.com のクロスドメイン測定を設定してください。.+への移動で新しい訪問者になりました/,
    );
  });
});

describe('goalpost demo --lang ja', () => {
  let demo: story.DemoRun;

  beforeAll(async () => {
    demo = await story.runDemo(['--lang', 'ja']);
  }, 150_000);

  afterAll(() => story.removeDemo(demo));

  it('tells the demo’s story in Japanese, with the counts of the report it wrote', () => {
    story.expectFinished(demo.run);
    expect(demo.run.stdout).toContain('このデモでわかること\nクロスドメイン:\n');
    const thanks = demo.report.goals.find((g) => g.id === 'thanks')!;
    expect(demo.run.stdout).toContain(
      `ゴール「${thanks.name}」: コンバージョン ${thanks.sessions} 件（訪問）、ゴール ${thanks.users} 件（ユニークユーザー）、合計 ${thanks.total}`,
    );
    const missing = demo.report.findings.find((f) => f.code === 'tag-missing')!;
    expect(demo.run.stdout).toContain(`${missing.url} から`);
    expect(demo.run.stdout).toMatch(/\d+\.\d 秒で完了しました。/);
  });

  it('keeps the report file in the contract’s English, with each finding’s message id and params', () => {
    const f = demo.report.findings.find((x) => x.code === 'cross-domain-break')!;
    expect(f.message).toMatch(/^Set up cross-domain tracking for /);
    expect(f.messageId).toMatch(/^finding_cross_domain/);
    expect(f.params).toBeTypeOf('object');
  });
});
