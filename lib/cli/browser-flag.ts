/** The `--browser` flag shared by audit and demo: which browser walks the pages. */
import { UsageError } from './command';

export type BrowserName = 'chromium' | 'firefox';

export const BROWSER_HELP = `  --browser NAME      chromium (default) or firefox (Firefox ESR 128 or later, with the
                      firefox-mv3 build, built when missing)`;

export function browserFlag(value: string | undefined, command: string): BrowserName {
  if (value === undefined || value === 'chromium' || value === 'chrome') return 'chromium';
  if (value === 'firefox') return 'firefox';
  throw new UsageError(`${command}: --browser must be chromium or firefox (got "${value}")`);
}
