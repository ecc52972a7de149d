/** `goalpost replay` prints its report in Japanese with --lang ja or a Japanese terminal locale. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIG_GOALS, bigJourneyText } from '../support/big-journey';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/panel/fixtures');
const SHOP = ['replay', 'shop.journey.json', '--goals', 'shop.goals.json'];

function goalpost(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_.*)$/.test(k)));
  const r = spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), ...args], {
    cwd: fixtures,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('goalpost replay --lang', () => {
  it('--lang ja prints Japanese headings and findings that still name the pages and ids', () => {
    const r = goalpost([...SHOP, '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^モデル ptengine: 訪問者 2 人、セッション 3 件、ページ 5 件、検出事項 5 件（エラー 3 件、警告 1 件）/);
    expect(r.out).toMatch(/ページごとのタグ[\s\S]*\nセッション\n[\s\S]*\nゴール\n[\s\S]*検出事項（重大なものから）/);
    const findings = r.out.slice(r.out.indexOf('検出事項（'));
    expect(findings).toContain(
      'エラー  cross-domain-break: shop.test と pay.test のクロスドメイン測定を設定してください。http://shop.test/cart から http://pay.test/checkout への移動で新しい訪問者になりました（v1 → v2）。',
    );
    expect(findings).toContain(
      '警告    goal-before-experience: ゴール「Thanks after exp-42」（thanks-exp42）は http://pay.test/thanks で到達されましたが',
    );
    expect(findings).toContain(
      '情報    conversion-goal-mismatch: ゴール「Any visit」（visited）のコンバージョンは 3 件、ユーザーは 2 人です。',
    );
    expect(findings).not.toMatch(/\$[a-z_]+\$| the | was /);
  });

  it('pads the Japanese table by terminal columns, so the columns line up', () => {
    const r = goalpost([...SHOP, '--lang', 'ja']);
    const lines = r.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('  ゴール  '));
    // "セッション" is five characters but ten columns: the numbers below start where it starts.
    const column = (l: string, text: string) =>
      [...l.slice(0, l.indexOf(text))].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    expect(column(lines[head]!, 'セッション')).toBe(column(lines[head + 1]!, ' 1 ') + 1);
  });

  it('takes the language from the locale: LC_ALL over LC_MESSAGES over LANG', () => {
    expect(goalpost(SHOP, { LANG: 'ja_JP.UTF-8' }).out).toMatch(/^モデル ptengine/);
    expect(goalpost(SHOP, { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }).out).toMatch(/^Model ptengine: 2 visitor\(s\)/);
    expect(goalpost(SHOP, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }).out).toMatch(/^モデル ptengine/);
    expect(goalpost(SHOP).out).toMatch(/^Model ptengine/);
  });

  it('--lang en wins over a Japanese locale', () => {
    const r = goalpost([...SHOP, '--lang', 'en'], { LANG: 'ja_JP.UTF-8' });
    expect(r.out).toContain('Findings (worst first)');
    expect(r.out).toContain('ERROR   cross-domain-break: Set up cross-domain tracking for shop.test and pay.test');
  });

  it('--json keeps the English message and adds the message id and params', () => {
    const report = JSON.parse(goalpost([...SHOP, '--lang', 'ja', '--json']).out);
    const f = report.findings.find((x: { code: string }) => x.code === 'cross-domain-break');
    expect(f.message).toMatch(/^Set up cross-domain tracking for shop\.test and pay\.test/);
    expect(f.messageId).toBe('finding_cross_domain_param_absent');
    expect(f.params).toMatchObject({
      from: 'shop.test',
      to: 'pay.test',
      visitor_from: 'v1',
      visitor_to: 'v2',
      link_params: { or: ['_pt_link'] },
    });
  });

  it('prints repeated findings as Japanese groups: count, pages, and the first whole finding', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'goalpost-lang-'));
    writeFileSync(join(tmp, 'shop.journey.json'), bigJourneyText(3000, 40));
    writeFileSync(join(tmp, 'shop.goals.json'), JSON.stringify(BIG_GOALS));
    const r = goalpost(['replay', join(tmp, 'shop.journey.json'), '--goals', join(tmp, 'shop.goals.json'), '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\nセッション（\d+ 件、開始した理由ごと）\n/);
    expect(r.out).toMatch(/\n検出事項（重大なものから）: \d+ 件を同じ問題・ベンダー・サイトごとに \d+ グループにまとめています\n/);
    expect(r.out).toMatch(
      /\n {2}エラー {2}tag-failed ×\d+ · ga4 · shop\.example · .+\n {10}ページ: www\.shop\.example\/p\/:id ×\d+\n {10}最初: https:\/\/www\.shop\.example\/p\/\d+ の GA4 の pageview ヒットは発火しましたが、GA4 に届いていません。/,
    );
    expect(r.out).toMatch(/ゴール thanks · /);
  });

  it('refuses a language it does not speak, with one sentence and exit 2', () => {
    const r = goalpost([...SHOP, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('goalpost: replay: --lang must be one of en, ja, not "fr"');
  });
});
