/**
 * Tag script loads: every <script src> that enters the document, whether the parser or a tag
 * inserted it. A MutationObserver sees both without wrapping any DOM method the page calls.
 */
import { LIMITS } from '../records';
import type { HookContext } from './network';
import { resolveUrl } from './network';

export function watchScripts(ctx: HookContext): void {
  const { win, n } = ctx;
  const S = win.HTMLScriptElement;
  const srcGet = S ? n.getOwnPropertyDescriptor(S.prototype, 'src')?.get : undefined;
  if (!S || !srcGet || !win.MutationObserver) return;
  const seen = new n.WeakSet<object>();
  const note = (el: Element): void => {
    if (seen.has(el)) return;
    seen.add(el);
    const url = resolveUrl(ctx, n.apply(srcGet, el, []));
    if (url === undefined) return;
    ctx.emit.add({ kind: 'request', api: 'script', t: n.now(), url, method: 'GET', pageUrl: win.location.href.slice(0, LIMITS.url) });
  };
  // Mutation records are delivered before each parser-inserted script runs: a look at the queues
  // then sees what the previous scripts pushed.
  const observer = new win.MutationObserver((mutations) => {
    ctx.pollQueues();
    try {
      for (const m of mutations) {
        const added = m.addedNodes;
        for (let i = 0; i < added.length; i++) {
          const node = added[i];
          if (!(node instanceof win.Element)) continue;
          if (node instanceof S) note(node);
          else if (node.firstElementChild) {
            const inner = node.getElementsByTagName('script');
            for (let j = 0; j < inner.length; j++) note(inner[j] as Element);
          }
        }
      }
    } catch {
      // never disturb the page
    }
  });
  observer.observe(win.document, { childList: true, subtree: true });
}
