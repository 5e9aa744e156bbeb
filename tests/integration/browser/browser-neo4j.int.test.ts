import { loadConfig } from '../../../src/config';
import { seed } from '../../../src/ingest/ingest';
import { createSchema } from '../../../src/schema';
import { startServer, type App } from '../../../src/server';
import { openBrowser, screenshotOnFailure, type Browser } from '../../browser/chromium';
import { openTestDatabase, type TestDatabase } from '../../support/neo4j';

/**
 * Neo4j Browser on the local Neo4j (scripts/neo4j.mjs): after login its post-connect command
 * applies neo4j/browser/style.grass and opens neo4j/browser/guide.html, both fetched from the
 * GraphQL service on PORT (4000 by default), so this test serves them there. A lineage query
 * clicked in the guide is drawn as a graph with captions.
 */
const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
const BROWSER_URL = process.env.NEO4J_BROWSER_URL ?? 'http://127.0.0.1:7474/browser/';
const BOLT_ADDRESS = new URL(config.neo4j.uri).host;
const SERVICE_PORT = config.port;

async function serviceAlreadyServesBrowserFiles(): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${SERVICE_PORT}/neo4j-browser/style.grass`);
    return response.ok && (await response.text()).includes('node.Claim');
  } catch {
    return false;
  }
}

describe('Neo4j Browser with the lineage style and guide, in chromium', () => {
  let db: TestDatabase;
  let app: App | undefined;
  let browser: Browser;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seed(db.executor);
    // The Browser fetches the style and guide from PORT; a service already running there serves the same files.
    if (!(await serviceAlreadyServesBrowserFiles())) {
      app = await startServer({
        config: { ...config, host: '127.0.0.1' },
        executor: db.executor,
        schema: await createSchema(),
        port: SERVICE_PORT,
      });
    }
    browser = await openBrowser({ width: 1600, height: 1000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('logs in, gets the style and the guide by itself, and draws a claim lineage with captions', async () => {
    const { page } = browser;
    await page.goto(BROWSER_URL);
    await page.getByTestId('username').waitFor({ timeout: 60_000 });
    await page.getByTestId('bolt-scheme-select').selectOption('bolt://');
    await page.getByTestId('boltaddress').fill(BOLT_ADDRESS);
    await page.getByTestId('username').fill(config.neo4j.user);
    await page.getByTestId('password').fill(config.neo4j.password);
    await page.getByTestId('connect').click();

    // browser.post_connect_cmd: `:style <url>` then `:play <url>` (scripts/neo4j.mjs writeConfig).
    const guide = page
      .getByTestId('frame')
      .filter({ has: page.getByTestId('carousel') })
      .first();
    try {
      await guide.getByText('News claims: lineage queries').waitFor({ timeout: 30_000 });
    } catch (error) {
      await browser.screenshot('neo4j-browser-failed.png');
      throw new Error(
        'the lineage guide did not open after login: is Neo4j running with the browser.* settings of ' +
          `scripts/neo4j.mjs (restart it: npm run db:stop && npm run db:start)? ${String(error)}\n` +
          browser.problems.join('\n'),
        { cause: error },
      );
    }

    await screenshotOnFailure(browser, 'neo4j-browser', async () => {
      await guide.getByTestId('nextSlide').click();
      await guide.getByText("A claim's lineage, as a graph").waitFor();
      await guide.locator('pre.runnable').filter({ hasText: 'CALL (c)' }).first().click();
      await page.getByTestId('editor-Run').click();

      const frame = page.getByTestId('frame').first();
      // Captions from `name`, drawn in the graph visualization with the style's colours.
      const captions = frame.locator('svg g.node text');
      await captions.first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(2500); // let the force layout settle before the screenshot
      const drawn = (await captions.allTextContents()).join(' ');
      expect(drawn).toContain('CGTN');
      expect(drawn).toContain('Miao Wei');
      expect(drawn).toContain('NEVs per');
      await browser.screenshot('neo4j-browser.png');

      // The rows: one path per lineage step (6 on the seeded article, more once reviews exist).
      await frame.getByTestId('cypherFrameSidebarAscii').click();
      const text = await frame.innerText();
      const rows = (text.match(/^\s*├/gm)?.length ?? 0) + 1; // rows are separated by ├──┤ lines
      expect(rows).toBeGreaterThanOrEqual(6);
      for (const step of ['PUBLISHED_BY', 'HOLDS_ROLE', 'ROLE_AT', 'MEASURES', 'SUPPORTS'])
        expect(text).toContain(step);
    });
  }, 120_000);
});
