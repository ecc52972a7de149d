/**
 * Ptengine (Insight / Experience): tag loads and collection requests. The wire format is read
 * from the tag's own public source, pta.js v1.65.0 (./ptengine-collect.ts says what each field
 * is); the `_pt_sp_2` page API is in ./ptengine-push.ts.
 *
 * Tag loads: `js.ptengine.{jp,cn,com}/<projectId>.js` (the project's tag: its pushes and the
 * library), `pta.js` / `pts.js` (the library alone, account in a `setAccount` push), the legacy
 * `cjs.ptengine.com/pta_en.js`, and the Experience script `pteengagejs.ptengine.*`.
 * Collection: `collect.ptengine.{jp,cn}`, `rtcollect.ptengine.jp`, and the test host
 * `tzcj.ptmind.com`, paths `/pn /pv /te /ec /hb /oc /os /egg`.
 */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';
import { collectFields, collectHits, collectParams, PTENGINE, REQUEST_TYPES, type CollectPath } from './ptengine-collect';

export { ptenginePush } from './ptengine-push';

const NAME = 'Ptengine';
const HOSTS = ['.ptengine.jp', '.ptengine.com', '.ptengine.cn', '.ptmind.com'];
const LIBRARY_FILES = new Set(['pta', 'pts', 'pta_en', 'engage', 'preview']);

function collectPath(pathname: string): CollectPath | undefined {
  const m = /^\/(pn|pv|te|ec|hb|oc|os|egg)\/?$/.exec(pathname);
  return m ? (m[1] as CollectPath) : undefined;
}

export const ptengine: RequestDecoder = {
  id: PTENGINE,
  name: NAME,
  match: (url) => hostIn(url.hostname, HOSTS) && !/^(www|help|helps|app|report[a-z0-9]*)\./.test(url.hostname),
  decode: (url, req) => {
    const problems: string[] = [];
    const script = /^\/([A-Za-z0-9_-]+)\.js$/.exec(url.pathname);
    if (script && /^(js|cjs|pteengagejs)\./.test(url.hostname)) {
      const file = script[1] ?? '';
      const library = LIBRARY_FILES.has(file) || url.hostname.startsWith('pteengagejs.');
      return decoded(PTENGINE, NAME, {
        role: 'library',
        account: library ? undefined : file.toLowerCase(),
        requestType: library
          ? url.hostname.startsWith('pteengagejs.')
            ? 'Experience script load'
            : 'Library load (account in a setAccount push)'
          : 'Tag load',
        params: library ? [param('file', 'Script', `${file}.js`, 'General')] : [param('projectId', 'Project ID', file, 'General')],
        problems,
      });
    }
    const path = collectPath(url.pathname);
    if (!path) {
      return decoded(PTENGINE, NAME, {
        role: 'other',
        requestType: 'Other Ptengine request',
        params: [param('path', 'Path', url.pathname, 'General')],
      });
    }
    const fields = collectFields(url, req.body, problems);
    const hits = collectHits(path, fields, req.pageUrl, problems);
    const account = hits[0]?.account ?? (typeof fields.raw.get('sid') === 'string' ? (fields.raw.get('sid') as string) : undefined);
    const counts = path !== 'hb' && path !== 'oc' && path !== 'os';
    if (counts && !account) problems.push(`This /${path} request names no account (sid).`);
    return decoded(PTENGINE, NAME, {
      role: counts ? 'hit' : 'other',
      account,
      requestType: REQUEST_TYPES[path],
      hits,
      params: collectParams(fields, path, problems),
      problems,
    });
  },
};
