import { describe, expect, it } from 'vitest';
import { langFromEnv, langFromTag, langOfExtension } from '../../lib/i18n/locale';
import { formatDuration, render } from '../../lib/i18n/render';
import { displayWidth } from '../../lib/i18n/width';

describe('render', () => {
  it('fills named placeholders, nested messages and alternatives in the message language', () => {
    const listing = { messageId: 'cross_domain_listing_only', params: { domain: 'shop.example' } };
    expect(render('en', 'cross_domain_listing_only', { domain: 'shop.example' })).toBe('only shop.example is in crossDomain.domains');
    expect(render('ja', 'cross_domain_listing_only', { domain: 'shop.example' })).toBe(
      'crossDomain.domains に含まれているのは shop.example だけです',
    );
    const params = { link_params: { or: ['_ga', '_gl'] }, from: 'a.example', listing };
    expect(
      render('en', 'finding_cross_domain_param_absent', {
        ...params,
        to: 'b.example',
        from_url: 'https://a.example/',
        to_url: 'https://b.example/',
        visitor_from: 'v1',
        visitor_to: 'v2',
      }),
    ).toBe(
      'Set up cross-domain tracking for a.example and b.example: the move from https://a.example/ to https://b.example/ became a new visitor (v1, then v2) because the link parameter _ga or _gl was absent from the landing URL, so the links on a.example are not decorated; only shop.example is in crossDomain.domains.',
    );
    expect(render('ja', 'finding_cross_domain_param_absent', params)).toContain('_gaまたは_gl');
  });

  it('leaves a placeholder with no value visible rather than inventing one, and never re-reads a value as a template', () => {
    expect(render('en', 'finding_tag_missing', { vendor: 'GA4', url: 'https://x.example/$domain$' })).toBe(
      'GA4 sent no hit from https://x.example/$domain$, although it is installed elsewhere on $domain$: add the GA4 tag to this page or fix the trigger that should fire it here.',
    );
  });

  it('shows an unknown id as itself', () => {
    expect(render('ja', 'no_such_message')).toBe('no_such_message');
  });

  it('writes durations in each language’s units', () => {
    expect(formatDuration('en', 93_784_000)).toBe('1 d 2 h 3 min 4 s');
    expect(formatDuration('ja', 93_784_000)).toBe('1日2時間3分4秒');
    expect(formatDuration('en', 0)).toBe('0 s');
    expect(formatDuration('ja', 45 * 60_000)).toBe('45分');
  });
});

describe('language choice', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA_jp.UTF-8', 'ja'],
    ['ja_JP.eucJP@euro', 'ja'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['C.UTF-8', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, lang) => {
    expect(langFromTag(tag)).toBe(lang);
  });

  it('follows POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({})).toBe('en');
  });
});

describe('the extension’s language', () => {
  it('is the catalogue the browser picked, else the UI language', () => {
    expect(langOfExtension('ja', 'en-US')).toBe('ja');
    expect(langOfExtension('en', 'ja')).toBe('en');
    // No catalogue message (an older browser, a test page): the UI language decides.
    expect(langOfExtension('', 'ja-JP')).toBe('ja');
    expect(langOfExtension('', 'de')).toBe('en');
  });
});

describe('displayWidth', () => {
  it('counts kana, kanji and fullwidth forms as two terminal columns', () => {
    expect(displayWidth('SESSION')).toBe(7);
    expect(displayWidth('セッション')).toBe(10);
    expect(displayWidth('訪問者（v1）')).toBe(12);
    expect(displayWidth('a→b')).toBe(3);
  });
});
