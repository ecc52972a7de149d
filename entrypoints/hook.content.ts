import { installHook } from '@/lib/capture/hook/install';

// Page world, before any page script, in every frame: see lib/capture/hook.
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    installHook(window);
  },
});
