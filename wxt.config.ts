import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Goalpost',
    description:
      'Shows which tracking tags fired, replays the vendors’ counting rules and explains every missing goal or conversion. Nothing captured leaves your machine.',
    permissions: ['storage', 'webRequest', 'webNavigation', 'tabs'],
    host_permissions: ['<all_urls>'],
  },
});
