import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { seed } from '../../src/ingest/ingest';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Browser tests drive Debian's chromium (apt-get install chromium; .ci/run installs it when it is
 * missing) through playwright-core: no browser download, nothing fetched from the network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '..', '..');
/** Git-ignored; CI keeps it as an artifact. */
export const ARTIFACTS = path.join(ROOT, 'artifacts');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and requests that failed, for assertions and diagnosis. */
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Headless chromium with a fresh user data directory, removed again on close. */
export async function openBrowser(viewport = { width: 1400, height: 900 }): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-claims-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  return {
    context,
    page,
    problems,
    async screenshot(name) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, name);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Builds the pages (codegen, type check, esbuild) into dist/web so the server under test serves them. */
export function buildWeb(): void {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build:web'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** Runs `steps`; if they throw, keeps a screenshot of the page as it was (artifacts/<name>-failed.png). */
export async function screenshotOnFailure(browser: Browser, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    await browser.screenshot(`${name}-failed.png`).catch(() => undefined);
    throw error;
  }
}

/**
 * For a test file: the pages built, the service started with the article seeded, and a chromium,
 * all set up before its tests and closed after them. Read `server` and `browser` inside the tests.
 */
export function useSeededServiceInChromium(): { server: TestServer; browser: Browser } {
  const setup = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    buildWeb();
    setup.server = await startTestServer();
    await seed(setup.server.db.executor);
    setup.browser = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await setup.browser?.close();
    await setup.server?.close();
  });
  return setup;
}
