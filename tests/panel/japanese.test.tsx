// @vitest-environment happy-dom
/** The popup and the panel in Japanese: the views render the real engine's findings from their ids and params. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type ViewId } from '../../components/App';
import { Popup } from '../../components/Popup';
import { defaultEngine } from '../../lib/panel/default-engine';
import { droppedNotice } from '../../lib/panel/dropped';
import { fixtureStore, recordingPlatform } from './helpers';

afterEach(cleanup);

function show(view: ViewId) {
  const fx = fixtureStore({ engine: defaultEngine });
  const { platform, copied } = recordingPlatform();
  const utils = render(<App store={fx.store} platform={platform} initialView={view} lang="ja" />);
  return { ...utils, copied };
}

describe('in Japanese', () => {
  it('the popup counts hits and problems and links to the panel', () => {
    const { store } = fixtureStore({ engine: defaultEngine, tabId: 42 });
    const { container } = render(<Popup store={store} panelUrl="chrome-extension://x/panel.html?tabId=42" lang="ja" />);
    expect(container.querySelector('[lang]')?.getAttribute('lang')).toBe('ja');
    expect([...container.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['タグ', '送信済み', '失敗', '問題']);
    expect(container.textContent).toContain('エラー 3 件、警告 1 件');
    expect(container.textContent).toContain('ヒット 1 件');
    expect(screen.getByRole('link', { name: 'このタブの Goalpost パネルを開く' }).getAttribute('href')).toBe(
      'chrome-extension://x/panel.html?tabId=42',
    );
  });

  it('the panel header and tabs', () => {
    show('tags');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['タグ', 'セッション', 'ゴール', '診断', 'エディター']);
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('Goalpost のビュー');
    expect(screen.getByRole('tab', { name: '診断' }).getAttribute('aria-description')).toBe('エラー 3 件');
    expect(document.querySelector('.header')?.textContent).toMatch(/タブ 7 を記録中 · イベント \d+ 件/);
    expect(screen.getByRole('button', { name: 'クリア' })).toBeTruthy();
  });

  it('the Tags view shows the missing tag finding in Japanese, naming the page', () => {
    show('tags');
    const list = screen.getByRole('list', { name: 'Pages and hits' });
    expect(list.textContent).toContain(
      'http://shop.test/about から Ptengine のヒットが送信されていません（shop.test の他のページには設置されています）。',
    );
  });

  it('the Diagnose view: severities, findings, what to fix, and the text copied for the customer', async () => {
    const { container, copied } = show('diagnose');
    const first = container.querySelector('.finding.error')!;
    expect(first.querySelector('.sev')?.textContent).toBe('エラー');
    expect(first.querySelector('.fix')?.textContent).toMatch(/^対処方法: /);
    const messages = [...container.querySelectorAll('.finding .message')].map((m) => m.textContent ?? '');
    expect(messages).toContain(
      'http://shop.test/about から Ptengine のヒットが送信されていません（shop.test の他のページには設置されています）。このページに Ptengine のタグを設置するか、ここで発火するはずのトリガーを修正してください。',
    );
    fireEvent.click(screen.getByRole('button', { name: 'お客様向けにコピー' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    const text = copied[0]!;
    expect(text).toMatch(/^この記録で問題が 4 件見つかりました。\n\n1\. /);
    expect(text).toContain('（ページ: http://shop.test/about）');
    expect(text).toContain('   対処方法: このページ（または使用しているテンプレート）にベンダーのタグを設置してください。');
    expect(text).not.toMatch(/ the | was |\$[a-z_]+\$/);
  });

  it('the notice for dropped events, one whole sentence per count', () => {
    expect(droppedNotice(1, 'ja')).toMatch(/^この記録の最も古いイベントを、/);
    expect(droppedNotice(250, 'ja')).toMatch(/^この記録の古いイベント 250 件を、拡張機能の保存容量の上限に収めるために破棄しました。/);
    expect(droppedNotice(0, 'ja')).toBeUndefined();
  });

  it('the Editor view, its validation and its buttons', () => {
    show('editor');
    expect(screen.getByRole('heading', { name: 'ゴール定義' })).toBeTruthy();
    expect(document.getElementById('goals-status')?.textContent).toMatch(/^有効: ゴール \d+ 件、モデル ptengine。$/);
    expect(screen.getByRole('button', { name: 'ゴールを保存' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'レポートを書き出す' })).toBeTruthy();
  });

  it('the Tags view: filters, counts and each vendor’s state', () => {
    const { container } = show('tags');
    expect(screen.getByRole('searchbox', { name: 'ヒットを絞り込む' })).toBeTruthy();
    expect(container.querySelector('.csv-export summary')?.textContent).toBe('CSV を書き出す');
    expect(container.querySelector('.csv-export button')?.textContent).toBe('ヒットの CSV をダウンロード');
    expect(screen.getByRole('combobox', { name: 'ベンダー' }).textContent).toContain('すべてのベンダー');
    expect(container.querySelector('.tags-view .summary')?.textContent).toMatch(/^リクエスト \d+ 件 · ヒット \d+ 件 · ページ 5 件$/);
    expect([...container.querySelectorAll('.vendor-row')].map((r) => r.textContent).join(' | ')).toMatch(/ヒット \d+ 件を送信/);
  });

  it('the Sessions view explains the cross-domain break in Japanese', () => {
    const { container } = show('sessions');
    expect(container.querySelector('.sessions-view .summary')?.textContent).toBe('訪問者 2 人 · 訪問 3 件 · モデル ptengine');
    expect(container.textContent).toContain('タグのないページから戻った: ');
    expect(container.textContent).toContain('訪問 s1');
    expect(container.textContent).toContain('shop.test と pay.test のクロスドメイン測定を設定してください。');
  });
});

describe('the Goals view in Japanese', () => {
  it('names the columns in the vendors’ terms and explains why the counts differ', () => {
    const { container } = show('goals');
    expect([...container.querySelectorAll('table.counts th[scope=col]')].map((th) => th.textContent)).toEqual([
      'ゴール',
      'コンバージョン（訪問）',
      'ゴール（ユーザー）',
      '合計',
    ]);
    const anyVisit = container.querySelector('details.goal[data-goal=visited]')!;
    expect(anyVisit.querySelector('summary')?.textContent).toContain('3 / 2 / 3 · 達成 3 件');
    expect(anyVisit.querySelector('.explain')?.textContent).toBe(
      'コンバージョンは訪問を、ゴールはユニークユーザーを数えます。2 人が訪問 3 件で達成しました。',
    );
    expect([...anyVisit.querySelectorAll('.occurrence.head span')].map((s) => s.textContent)).toEqual([
      '時刻',
      'ページ',
      '訪問者',
      '訪問',
      '結果',
    ]);
  });

  it('orders the experience and the goal per visit and says why the goal did not count', () => {
    const { container } = show('goals');
    const campaign = container.querySelector('details.goal[data-goal=thanks-exp42]')!;
    expect(campaign.querySelector('.campaign h4')?.textContent).toBe('訪問ごとの体験 exp-42 とゴールの順序');
    expect(campaign.querySelector('.mark.goal')?.textContent).toContain('ゴール達成');
    expect(campaign.querySelector('.mark.exp')?.textContent).toContain('体験 exp-42（B）を表示');
    const row = campaign.querySelector('.occurrence.not-counted')!;
    expect(row.textContent).toContain('計測されず: 体験が表示される前に達成されました');
    expect(row.querySelector('[title]:last-child')?.getAttribute('title')).toBe(
      '計測されず: 体験が表示される前に達成されました: ptengine pageview',
    );
  });
});
