import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, listDecoders } from '../../lib/decoders/index';
import { requestDecoders } from '../../lib/decoders/registry';
import { moreRequestCases } from './more-vendors-cases';
import { itDecodesEach } from './table';

const MORE_IDS = [
  'adobe-launch',
  'adobe-dtm',
  'adobe-audience-manager',
  'adobe-ecid',
  'adobe-heartbeat',
  'atinternet',
  'bing-uet',
  'clarity',
  'comscore',
  'criteo',
  'demandbase',
  'dynamic-yield',
  'ensighten',
  'floodlight',
  'hotjar',
  'invoca',
  'lytics',
  'mparticle',
  'outbrain',
  'parsely',
  'pinterest',
  'piwik-pro',
  'piwik-pro-tm',
  'reddit',
  'rudderstack',
  'sixsense',
  'sklik',
  'snapchat',
  'splitio',
  'tealium-eventstream',
  'tealium-iq',
  'twitter',
  'webtrends',
];

describe('conformance-set vendor decoders (table)', () => {
  itDecodesEach(moreRequestCases);

  it('covers every one of these decoders, and each is registered', () => {
    const registered = listDecoders().map((d) => d.id);
    expect(MORE_IDS.filter((id) => !registered.includes(id))).toEqual([]);
    const covered = new Set(moreRequestCases.map((c) => c.decoder));
    expect(MORE_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('conformance-set vendor decoders: robustness and reporting', () => {
  const decoders = requestDecoders.filter((d) => MORE_IDS.includes(d.id));

  it('never throw, whatever the URL path, query and body', () => {
    const hosts = [
      'dpm.demdex.net',
      'c.lytics.io',
      'jssdks.mparticle.com',
      'ct.pinterest.com',
      'events.split.io',
      'collect.tealiumiq.com',
      'x.fls.doubleclick.net',
      'tr.snapchat.com',
      'sslwidget.criteo.com',
      'stats.example',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...hosts),
        fc.string(),
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        (host, path, query, body) => {
          let url: URL;
          try {
            url = new URL(`https://${host}/${path}?${query}`);
          } catch {
            return;
          }
          for (const d of decoders) {
            const req = { url: url.href, method: body === undefined ? 'GET' : 'POST', ...(body === undefined ? {} : { body }) };
            expect(() => d.match(url, req)).not.toThrow();
            const out = d.decode(url, req);
            expect(out.decoder).toBe(d.id);
            expect(Array.isArray(out.hits)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('marks what they could not read instead of guessing', () => {
    const bad = decodeRequest({ url: 'https://jssdks.mparticle.com/v2/JS/k/Events', method: 'POST', body: '{"n": "Page View",' });
    expect(bad?.decoder).toBe('mparticle');
    expect(bad?.hits).toEqual([]);
    expect(bad?.problems?.[0]).toMatch(/not valid JSON/);
    const noBody = decodeRequest({ url: 'https://tr.snapchat.com/p', method: 'POST' });
    expect(noBody?.hits).toEqual([]);
    expect(noBody?.problems?.[0]).toMatch(/No event/);
    const brokenEscape = decodeRequest({
      url: 'https://c.seznam.cz/retargeting?id=1&url=https%3A%2F%2Fshop.example%2F%E0%A4%A',
      method: 'GET',
    });
    expect(brokenEscape?.hits[0]?.url).toBe('https://shop.example/%E0%A4%A');
    expect(brokenEscape?.problems?.[0]).toMatch(/undecodable percent-escape/);
  });

  it('labels parameters readably while keeping the raw key', () => {
    const d = decodeRequest({ url: 'https://bat.bing.com/action/0?ti=1&evt=custom&ea=Signup&gv=3', method: 'GET' });
    expect(d?.params.find((p) => p.key === 'gv')).toEqual({ key: 'gv', label: 'Goal revenue', value: '3', group: 'Ecommerce' });
    const fl = decodeRequest({ url: 'https://1.fls.doubleclick.net/activityi;src=1;type=t;cat=c;u3=blue?', method: 'GET' });
    expect(fl?.params.find((p) => p.key === 'u3')).toEqual({ key: 'u3', label: 'Custom variable u 3', value: 'blue', group: 'Custom' });
  });

  it('leave look-alike URLs to others', () => {
    const claims = (url: string) => decodeRequest({ url, method: 'GET' })?.decoder;
    expect(claims('https://tags.tiqcdn.com/utag/acme/main/prod/utag.12.js')).toBeUndefined();
    expect(claims('https://c.seznam.cz/conv')).toBeUndefined();
    expect(claims('https://t.co/i/adsct?txn_id=1')).toBeUndefined();
    expect(claims('https://e.clarity.ms/collect')).toBeUndefined();
    expect(claims('https://ct.pinterest.com/user/?tid=1')).toBeUndefined();
    expect(claims('https://shop.example/matomo.php?idsite=1&rec=1')).toBe('matomo');
  });
});
