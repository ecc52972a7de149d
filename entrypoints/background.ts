import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/extension/background';

export default defineBackground(() => {
  startBackground(browser);
});
