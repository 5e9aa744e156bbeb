import { createSchema } from '../../../src/schema';
import { startServer } from '../../../src/server';
import { useSeededServiceInChromium } from '../../browser/chromium';

/** The offline GraphQL IDE (GraphiQL from npm) at /ide and at GET /graphql in a browser. */
describe('the GraphQL IDE in chromium', () => {
  const setup = useSeededServiceInChromium();

  it('answers a browser on GET /graphql with the bundled IDE, and GraphQL clients with GraphQL', async () => {
    const page = await fetch(`${setup.server.url}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/ide/ide.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i);
    const api = await setup.server.graphql<{ __typename: string }>('{ __typename }');
    expect(api.data).toEqual({ __typename: 'Query' });
  });

  it("keeps Apollo's landing page (from its CDN) with GRAPHQL_IDE=apollo", async () => {
    const app = await startServer({
      config: { ...setup.server.config, graphqlIde: 'apollo' },
      executor: setup.server.db.executor,
      schema: await createSchema(),
      port: 0,
    });
    try {
      const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).not.toContain('/ide/ide.js');
      expect(html.toLowerCase()).toContain('apollo');
    } finally {
      await app.close();
    }
  });

  it('opens with the documented operations and runs the lineage example', async () => {
    const { page } = setup.browser;
    await page.goto(`${setup.server.url}/ide`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    const tabs = page.locator('.graphiql-tab');
    const tabNames = await tabs.allInnerTexts();
    expect(tabNames.join(' ')).toEqual(expect.stringContaining('ClaimLineage'));
    expect(tabNames.join(' ')).toEqual(expect.stringContaining('Search'));

    await page.locator('.graphiql-execute-button').click();
    // CodeMirror draws only the lines in view, so read the whole result from the editor itself.
    const resultText = page.waitForFunction(
      `(() => {
        const value = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue() ?? '';
        return value.includes('"data"') || value.includes('"errors"') ? value : false;
      })()`,
      undefined,
      { timeout: 30_000 },
    );
    const text = String(await (await resultText).jsonValue());
    expect(text).toContain('"Miao Wei"');
    expect(text).toContain('NEVs per charging station');
    expect(text).toContain('"CGTN"');
    expect(text).not.toContain('"errors"');
    await setup.browser.screenshot('ide.png');
    expect(setup.browser.problems).toEqual([]);
  }, 60_000);

  it('serves the same IDE at GET /graphql for a browser', async () => {
    const { page } = setup.browser;
    await page.goto(`${setup.server.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
  }, 60_000);
});
