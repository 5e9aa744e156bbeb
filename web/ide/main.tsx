// The offline GraphQL IDE at /ide (and GET /graphql from a browser): GraphiQL from npm, bundled
// by web/build.mjs, with the example operations of docs/queries/ preloaded as tabs.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

import 'graphiql/style.css';

interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

declare const __EXAMPLES__: ExampleTab[];

const endpoint = new URL('/graphql', window.location.href).toString();
const fetcher = createGraphiQLFetcher({ url: endpoint });

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql is missing from the page');
// GraphiQL 4 fills the variables editor of the first tab from the `variables` prop, not from
// defaultTabs[0], so the first example's variables are passed on their own as well.
createRoot(container).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={__EXAMPLES__}
    variables={__EXAMPLES__[0]?.variables}
    defaultEditorToolsVisibility="variables"
  />,
);
