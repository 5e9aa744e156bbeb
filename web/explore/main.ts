// The lineage explorer at /explore: a start page listing the sources and the latest reviews, and a
// reader at /explore/sources/<id> with every claim highlighted in the text and its lineage in a side
// panel. It uses only the public GraphQL API, with the operations of ./operations typed by GraphQL
// Code Generator (npm run codegen writes ./gql from schema/schema.graphql).
import { $, setStatus, token } from './api';
import { setUpPanel } from './panel';
import { showReader } from './reader';
import { showStart } from './start';

function setUpToken(): void {
  const input = $<HTMLInputElement>('#token');
  input.value = token.get() ?? '';
  $('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token.set(input.value.trim());
    setStatus(input.value.trim() ? 'Token kept for this tab only.' : 'Token forgotten.');
  });
}

async function route(): Promise<void> {
  const view = $('#view');
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  $<HTMLInputElement>('#search').value = query;
  const reader = /^\/explore\/sources\/([^/]+)\/?$/.exec(location.pathname);
  if (reader?.[1]) return showReader(view, decodeURIComponent(reader[1]));
  return showStart(view, query);
}

setUpToken();
setUpPanel();
route().catch((error: Error) => setStatus(error.message, true));
