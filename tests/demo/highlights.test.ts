/**
 * "What this demo shows" in both languages, from a real replay of the shop fixture: the same
 * facts (domains, visits, goals, counts) in each, and the findings in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { demoHighlights, renderHighlights } from '../../lib/demo/highlights';
import { defaultEngine } from '../../lib/panel/default-engine';
import { fixtureEvents, fixtureGoals } from '../panel/helpers';

function report() {
  const replayed = defaultEngine.replay(fixtureEvents(), fixtureGoals());
  if (!replayed.ok) throw new Error(replayed.error);
  return replayed.value;
}

describe('demo highlights', () => {
  it('in English: the break, the experience verdicts, the counts and the missing tag', () => {
    const h = demoHighlights(report(), 'en');
    expect(h.crossDomain).toEqual(['cross-domain break shop.test → pay.test: a new visitor started (no link parameter on the URL)']);
    expect(h.experience).toEqual(['goal "Thanks after exp-42" reached before the experience in visit s3: not counted']);
    expect(h.counting).toEqual(['goal "Any visit": 3 conversions (visits), 2 goals (unique users), total 3']);
    expect(h.tags.join('\n')).toContain('Ptengine sent no hit from http://shop.test/about');
  });

  it('in Japanese: the same facts in the vendors’ terms, and every section titled', () => {
    const h = demoHighlights(report(), 'ja');
    expect(h.crossDomain).toEqual([
      'shop.test → pay.test でクロスドメインが途切れました: 新しい訪問者になりました（URL にリンクパラメータがありません）',
    ]);
    expect(h.experience).toEqual(['ゴール「Thanks after exp-42」は訪問 s3 で体験より前に達成されました: 計測されません']);
    expect(h.counting).toEqual(['ゴール「Any visit」: コンバージョン 3 件（訪問）、ゴール 2 件（ユニークユーザー）、合計 3']);
    expect(h.tags.join('\n')).toContain('http://shop.test/about から Ptengine のヒットが送信されていません');
    const text = renderHighlights({ ...h, experience: [] }, 'ja');
    expect(text.split('\n').filter((l) => !l.startsWith('  - '))).toEqual([
      'このデモでわかること',
      'クロスドメイン:',
      'ゴールより前の体験:',
      'コンバージョン・ゴール・合計の違い:',
      'タグ:',
    ]);
    expect(text).toContain('ゴールより前の体験:\n  - （該当なし）');
  });
});
