import { screenshotOnFailure, useSeededServiceInChromium } from '../../browser/chromium';

/** The lineage explorer: search, pick a claim, open the panel's graph tab, see its lineage drawn, expand a node. */
describe('the lineage explorer in chromium', () => {
  const setup = useSeededServiceInChromium();

  it('searches "charging", opens the NEVs-per-charging-station claim in the reader and draws its lineage', async () => {
    const { page } = setup.browser;
    await screenshotOnFailure(setup.browser, 'explore', async () => {
      await page.goto(`${setup.server.url}/explore`);
      // The start page lists the sources first; searching then loads a new page.
      await page.getByTestId('source-card').first().waitFor({ timeout: 30_000 });
      await page.locator('#search').fill('charging');
      await page.locator('#search').press('Enter');
      const result = page.getByTestId('result').filter({ hasText: '2.4 NEVs for every charging station' });
      await result.waitFor({ timeout: 30_000 });
      await result.click();
      await page.getByTestId('lineage').waitFor({ timeout: 30_000 });
      await page.locator('#tab-graph').click();

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
      await setup.browser.screenshot('explore.png');
      expect(setup.browser.problems).toEqual([]);
    });
  }, 90_000);
});
