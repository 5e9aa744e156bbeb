import { seed } from '../../src/ingest/ingest';
import { buildWeb, openBrowser, screenshotOnFailure, type Browser } from '../browser/chromium';
import { startTestServer, type TestServer } from '../support/server';

/** The lineage explorer at /explore: search, pick a claim, see its lineage drawn, expand a node. */
describe('the lineage explorer in chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWeb();
    server = await startTestServer();
    await seed(server.db.executor);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches "charging", opens the NEVs-per-charging-station claim and draws its lineage', async () => {
    const { page } = browser;
    await screenshotOnFailure(browser, 'explore', async () => {
      await page.goto(`${server.url}/explore`);
      await page.locator('#search').fill('charging');
      await page.locator('#search').press('Enter');
      const result = page.getByTestId('result').filter({ hasText: '2.4 NEVs for every charging station' });
      await result.waitFor({ timeout: 30_000 });
      await result.click();

      const graph = page.getByTestId('lineage-graph');
      const caption = (kind: string) => graph.locator(`g.node[data-kind="${kind}"] text.caption`);
      await caption('source').first().waitFor({ timeout: 30_000 });
      expect((await caption('source').allTextContents()).join(' ')).toContain('Tech Talk');
      expect((await caption('speaker').allTextContents()).join(' ')).toContain('Miao Wei');
      expect((await caption('publisher').allTextContents()).join(' ')).toContain('CGTN');
      expect((await caption('figure').allTextContents()).join(' ')).toContain('2.4');
      expect(await graph.locator('g.node[data-kind="quote"]').count()).toBe(1);

      // Expanding the metric charts its series.
      await graph.locator('g.node[data-kind="metric"]').first().click();
      await page.getByTestId('metric-chart').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('metric-chart').innerHTML()).toContain('NEVs per charging station');
      await browser.screenshot('explore.png');
      expect(browser.problems).toEqual([]);
    });
  }, 90_000);
});
