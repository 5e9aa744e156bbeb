import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { parse } from 'yaml';

import { ingestFile } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { ARTIFACTS, ROOT, screenshotOnFailure, useSeededServiceInChromium } from '../../browser/chromium';
import { dataOf } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN } from '../../support/server';

/**
 * The explorer's start page and source reader in chromium: the sources with their counts, the
 * seeded interview with its claims highlighted, the lineage panel, and code-point offsets in a
 * text with CJK and emoji. The screenshots go to artifacts/, or with UPDATE_SCREENSHOTS=1 to
 * docs/screenshots/ (the README shows them): a review in them carries the day's date, so writing
 * them on every run would leave the tree changed after `npm test`.
 */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : ARTIFACTS;
const UNICODE = path.join(ROOT, 'tests', 'fixtures', 'unicode');
const NEVS_CLAIM = 'about-2-4-nevs-per-charging-station-end-2023';

const READER_TEST = '(reader test).';
const report = (line: string) => process.stdout.write(`[explore] ${line}\n`);

describe('the explorer start page and source reader in chromium', () => {
  // Registered before the shared setup's hooks so that it runs while the database is still open.
  afterAll(async () => {
    if (reviewKey) {
      await setup.server.db.driver.executeQuery('MATCH (r:Review {id: $id}) DETACH DELETE r', { id: reviewKey });
    }
    await deleteTestNodes(setup.server.db.driver, 'test-unicode');
  });
  const setup = useSeededServiceInChromium();
  let data: SeedData;
  let reviewKey: string | undefined;
  const outside: string[] = [];

  beforeAll(async () => {
    data = await loadSeed();
    const { page } = setup.browser;
    page.on('request', (request) => {
      if (!request.url().startsWith(setup.server.url) && !request.url().startsWith('data:'))
        outside.push(request.url());
    });
    // A run stopped half-way may have left its review behind.
    await setup.server.db.driver.executeQuery('MATCH (r:Review) WHERE r.explanation ENDS WITH $mark DETACH DELETE r', {
      mark: READER_TEST,
    });
    const response = await setup.server.graphql<{ reviewClaim: { id: string } }>(
      'mutation Review($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
      {
        input: {
          claim: data.claimGid(NEVS_CLAIM),
          rating: 4,
          ratingLabel: 'Mostly true',
          explanation: `The quote matches the source; the figure is rounded ${READER_TEST}`,
        },
      },
      { token: REVIEWER_TOKEN },
    );
    reviewKey = Buffer.from(dataOf(response).reviewClaim.id, 'base64url')
      .toString('utf8')
      .replace(/^Review:/, '');
  }, 60_000);
  it('lists the CGTN source with its counts, opens it, and shows the 2.4 NEVs claim’s lineage', async () => {
    const { page } = setup.browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshotOnFailure(setup.browser, 'explore-start', async () => {
      await page.goto(`${setup.server.url}/explore`);
      const card = page.getByTestId('source-card').filter({ hasText: 'Tech Talk' });
      await card.waitFor({ timeout: 30_000 });
      expect(await card.textContent()).toContain('CGTN');
      const count = (name: string) => card.locator(`[data-count="${name}"]`).textContent();
      expect(await count('claims')).toBe(`${data.annotation.claims.length} claims`);
      expect(await count('figures')).toBe(`${data.annotation.figures.length} figures`);
      expect(await count('reviews')).toBe('1 review');
      expect(await page.getByTestId('review').first().textContent()).toContain('2.4 NEVs');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-start.png') });

      await card.locator('a').click();
      await page.waitForURL(/\/explore\/sources\//);
      const mark = page.locator(`mark.claim[data-claim="${data.claimGid(NEVS_CLAIM)}"]`);
      await mark.first().waitFor({ timeout: 30_000 });
      expect((await mark.allTextContents()).join('')).toBe(data.claim(NEVS_CLAIM).quote);
      expect(await mark.first().getAttribute('class')).toContain('attr-DIRECT_QUOTE');
      expect(await mark.locator('span.figure').allTextContents()).toEqual([
        data.figure('nevs-per-charging-station-end-2023').quote,
      ]);
      expect(await page.getByTestId('verdict').allTextContents()).toEqual(['Mostly true']);
      const timing = await page.evaluate('window.__readerTiming');
      report(`reader timing for the seeded article (ms): ${JSON.stringify(timing)}`);

      // Keyboard: focus the highlight and press Enter.
      await mark.first().focus();
      await page.keyboard.press('Enter');
      const lineage = page.getByTestId('lineage');
      await lineage.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('lineage-speaker').textContent()).toContain('Miao Wei');
      expect(await page.getByTestId('lineage-figures').textContent()).toContain('2.4');
      expect(await page.getByTestId('lineage-provenance').textContent()).toContain('quoted in');
      expect(await page.getByTestId('lineage-reviews').textContent()).toContain('Mostly true');
      expect(page.url()).toContain('#claim=');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-reader.png') });

      // The graph tab, from the keyboard: the selected tab, then an arrow.
      await page.locator('#tab-lineage').focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.locator('#tab-graph').getAttribute('aria-selected')).toBe('true');
      const graph = page.getByTestId('lineage-graph');
      await graph.locator('g.node[data-kind="speaker"]').waitFor({ timeout: 30_000 });
      expect(await graph.locator('g.node[data-kind="speaker"] text.caption').allTextContents()).toContain('Miao Wei');

      const file = path.join(ROOT, 'dist', 'web', 'explore', 'explore.js');
      const bundle = fs.readFileSync(file);
      report(`bundle explore.js: ${bundle.length} bytes, ${gzipSync(bundle).length} gzipped`);
      expect(outside).toEqual([]);
      expect(setup.browser.problems).toEqual([]);
    });
  }, 120_000);

  it('is readable at 390px: the reader fits the width and the panel opens over it', async () => {
    const { page } = setup.browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotOnFailure(setup.browser, 'explore-narrow', async () => {
      await page.goto('about:blank');
      await page.goto(`${setup.server.url}/explore/sources/${data.sourceGid}#claim=${data.claimGid(NEVS_CLAIM)}`);
      await page.getByTestId('lineage').waitFor({ timeout: 30_000 });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-reader-390.png') });
    });
  }, 60_000);

  it('highlights exactly the quoted characters of a text with CJK and emoji', async () => {
    const { page } = setup.browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    await ingestFile(setup.server.db.executor, path.join(UNICODE, 'unicode.yaml'));
    const fixture = parse(fs.readFileSync(path.join(UNICODE, 'unicode.yaml'), 'utf8')) as {
      source: { id: string };
      claims: { id: string; quote: string; figures?: string[] }[];
      figures: { id: string; quote: string }[];
    };
    const owned = (kind: string, id: string) => toGlobalId(kind, `${fixture.source.id}/${id}`);
    await screenshotOnFailure(setup.browser, 'explore-unicode', async () => {
      await page.goto(`${setup.server.url}/explore/sources/${toGlobalId('Source', fixture.source.id)}`);
      await page.getByTestId('source-text').waitFor({ timeout: 30_000 });
      for (const claim of fixture.claims) {
        const marks = page.locator(`mark.claim[data-claims~="${owned('Claim', claim.id)}"]`);
        expect((await marks.allTextContents()).join('')).toBe(claim.quote);
      }
      const figures = await page.locator('span.figure').allTextContents();
      for (const figure of fixture.figures) {
        const cited = fixture.claims.some((claim) => claim.figures?.includes(figure.id));
        if (cited) expect(figures).toContain(figure.quote);
      }
      expect(fixture.claims.map((claim) => claim.quote).join('')).toMatch(/🔋/u);
      expect(setup.browser.problems).toEqual([]);
    });
  }, 60_000);
});
