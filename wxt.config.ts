import { defineConfig } from 'wxt';

/**
 * The page-world hook's own frames can appear in stacks of errors a page catches (a wrapper is
 * on the stack while the native it wraps throws). Named by the default script URL they would
 * carry `chrome-extension://<id>/…`, telling the page which extension is installed; a
 * sourceURL gives them no name at all, like any anonymous script.
 */
const HOOK_SOURCE_URL = '\n//# sourceURL=<anonymous>\n';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    // Named from public/_locales, in the browser's UI language (English and Japanese).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'webRequest', 'webNavigation', 'tabs'],
    host_permissions: ['<all_urls>'],
  },
  vite: () => ({
    plugins: [
      {
        name: 'goalpost-anonymous-hook',
        generateBundle(_options, bundle) {
          for (const file of Object.values(bundle)) {
            if (file.type === 'chunk' && file.fileName === 'content-scripts/hook.js') file.code += HOOK_SOURCE_URL;
          }
        },
      },
    ],
  }),
});
