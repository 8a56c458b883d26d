import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { renderReport } from '../../report/render-report.js';
import type { Results } from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';

/** What a page did while loading: console errors, uncaught errors, requests, dialogs. */
export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  dialogs: string[];
}

export type OpenReport = (results: Results, file: string) => Promise<{ page: Page; log: PageLog; url: string }>;
export type OpenPage = (html: string, file: string, ready: string) => Promise<{ page: Page; log: PageLog; url: string }>;

/**
 * Launches Chromium for the calling test file (closed after it) and returns `openReport`, which
 * renders Results to `file`, opens it at 1280×900 and logs what the page did while loading.
 */
export function useBrowser(): { openReport: OpenReport; openPage: OpenPage } {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`The report browser test needs Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\`.`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--headless', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Writes `html` to `file`, opens it at 1280×900 and waits for the `ready` selector. */
  const openPage: OpenPage = async (html, file, ready) => {
    const path = resolve(file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
    const url = pathToFileURL(path).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log: PageLog = { consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
    page.on('console', (m) => m.type() === 'error' && log.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => log.pageErrors.push(e.message));
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('dialog', (d) => {
      log.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(ready);
    return { page, log, url };
  };
  const openReport: OpenReport = (results, file) => openPage(renderReport(results), file, '#chart-failures svg');
  return { openReport, openPage };
}

export const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();

/** The page loaded without errors and fetched nothing but itself. */
export function expectCleanLoad(log: PageLog, url: string): void {
  expect(log.pageErrors).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
  expect(log.requests).toEqual([url]);
}

/** Hostile strings stayed text: no dialog or error, no injected element, only the report's own scripts. */
export async function expectNothingInjected(page: Page, log: PageLog): Promise<void> {
  expect(log.dialogs).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('b[onmouseover]').count()).toBe(0);
  expect(await page.evaluate(() => document.scripts.length)).toBe(3);
}
