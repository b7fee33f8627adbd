/**
 * A real headless Chromium (Debian's, installed by `npm run browser:install`) driven by playwright-core,
 * which brings no browser of its own.
 */
import { resolve } from 'node:path';
import { Browser, BrowserContextOptions, Page, chromium } from 'playwright-core';

/** Where browser tests save the screenshots the README and docs/ show. */
export const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumPath } = require('../../scripts/installBrowser');

export interface TestBrowser {
  browser: Browser;
  /** A page in a fresh context (its own cookies and storage). */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath: string | undefined = chromiumPath();
  if (!executablePath) {
    throw new Error(
      "Chromium not found: run `npm run browser:install` (installs Debian's chromium) or set CHROMIUM_PATH to a Chromium executable",
    );
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // Root in a container: no sandbox; /dev/shm may be small; no GPU.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  return {
    browser,
    newPage: async (options) =>
      (await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options })).newPage(),
    close: () => browser.close(),
  };
}
