import { describe, expect, it } from 'vitest';
import { checkEndpoints, decodeRequest } from '../../lib/decoders/index';
import type { CustomEndpoint } from '../../lib/formats/goals';

describe('checkEndpoints', () => {
  it.each([
    [undefined, undefined],
    [[{ host: 'collect.shop.example', decoder: 'ga4' }], undefined],
    [[{ host: '.shop.example', path: '/t', decoder: 'generic', vendor: 'in-house', fields: { event: 'ev', clientId: 'uid' } }], undefined],
    [{}, 'endpoints must be an array of endpoint objects.'],
    [
      [
        { host: 'a.example', decoder: 'ga4' },
        { host: 'b.example', decoder: 'nope' },
      ],
      /^endpoints\[1\]\.decoder "nope" is unknown; use one of generic, ga4, /,
    ],
    [
      [{ host: 'https://a.example/x', decoder: 'ga4' }],
      'endpoints[0].host "https://a.example/x" is not a host name (no scheme, port or path).',
    ],
    [[{ host: '', decoder: 'ga4' }], /^endpoints\[0\]\.host must be a host name/],
    [[{ host: 'a.example', path: 'collect', decoder: 'ga4' }], 'endpoints[0].path must be a string starting with "/".'],
    [
      [{ host: 'a.example', decoder: 'generic', fields: { page: 'u' } }],
      'endpoints[0].fields.page is not a known field (event, clientId, sessionId, url, account).',
    ],
    [[{ host: 'a.example', decoder: 'generic', fields: { event: 3 } }], 'endpoints[0].fields.event must be a non-empty parameter name.'],
    [
      [{ host: 'a.example', decoder: 'ga4', colour: 'red' }],
      'endpoints[0].colour is not a known endpoint field (host, path, decoder, vendor, fields).',
    ],
    [[null], 'endpoints[0] must be an object.'],
  ])('%j → %s', (value, expected) => {
    const got = checkEndpoints(value);
    if (expected instanceof RegExp) expect(got).toMatch(expected);
    else expect(got).toBe(expected);
  });
});

describe('custom endpoints', () => {
  const endpoints: CustomEndpoint[] = [
    { host: 'data.shop.example', path: '/mp', decoder: 'ga4' },
    {
      host: '.track.example',
      path: '/e',
      decoder: 'generic',
      vendor: 'inhouse',
      fields: { event: 'name', clientId: 'visitor.id', sessionId: 'sid', url: 'page', account: 'site' },
    },
  ];

  it('maps a first-party path to a known decoder', () => {
    const d = decodeRequest(
      { url: 'https://data.shop.example/mp/collect?v=2&tid=G-1&cid=7.7&en=page_view&dl=https%3A%2F%2Fshop.example%2F', method: 'GET' },
      endpoints,
    );
    expect(d?.decoder).toBe('ga4');
    expect(d?.hits).toEqual([{ vendor: 'ga4', kind: 'pageview', url: 'https://shop.example/', clientId: '7.7', account: 'G-1' }]);
  });

  it('path prefixes stop at segment boundaries and hosts at dots', () => {
    expect(decodeRequest({ url: 'https://data.shop.example/mpx?en=page_view', method: 'GET' }, endpoints)).toBeNull();
    expect(decodeRequest({ url: 'https://evil-track.example/e?name=x', method: 'GET' }, endpoints)).toBeNull();
  });

  it('generic decoder: JSON batch with dotted field paths', () => {
    const body = JSON.stringify([
      { name: 'page_view', visitor: { id: 'V1' }, sid: 'S1', page: 'https://shop.example/a', site: 'shop' },
      { name: 'signup', visitor: { id: 'V1' }, sid: 'S1', page: 'https://shop.example/b', site: 'shop' },
    ]);
    const d = decodeRequest({ url: 'https://eu.track.example/e/batch', method: 'POST', body }, endpoints);
    expect(d?.decoder).toBe('generic');
    expect(d?.vendorName).toBe('inhouse');
    expect(d?.hits).toEqual([
      { vendor: 'inhouse', kind: 'pageview', url: 'https://shop.example/a', clientId: 'V1', sessionId: 'S1', account: 'shop' },
      { vendor: 'inhouse', kind: 'event', name: 'signup', url: 'https://shop.example/b', clientId: 'V1', sessionId: 'S1', account: 'shop' },
    ]);
  });

  it('generic decoder: query string, page falls back to the sending page', () => {
    const d = decodeRequest(
      { url: 'https://track.example/e?name=add_to_cart&sid=S2', method: 'GET', pageUrl: 'https://shop.example/p' },
      endpoints,
    );
    expect(d?.hits).toEqual([{ vendor: 'inhouse', kind: 'event', name: 'add_to_cart', url: 'https://shop.example/p', sessionId: 'S2' }]);
  });

  it('generic decoder: a broken JSON body is reported', () => {
    const d = decodeRequest(
      { url: 'https://track.example/e', method: 'POST', body: '{"name":', pageUrl: 'https://shop.example/' },
      endpoints,
    );
    expect(d?.problems?.[0]).toMatch(/^The body is not valid JSON/);
    expect(d?.hits).toEqual([{ vendor: 'inhouse', kind: 'pageview', url: 'https://shop.example/' }]);
  });
});
