// Runs one autocannon load against /graphql and prints the outcome as JSON on stdout. It runs as
// its own process (started by tests/reliability/load.ts) because autocannon's sockets never see a
// response inside Jest's module sandbox, and so the load does not share the test's event loop.
//
//   node tests/reliability/load-runner.mjs <spec.json>
//
// spec: { url, connections, durationSeconds, requests: [{ name, body, token?, expect }] } where
// expect is "data" (200, data, no errors), "review" (like data; the review id is collected) or
// { "code": "..." } (an intended error with that extensions.code).
import { readFileSync } from 'node:fs';

import autocannon from 'autocannon';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tally = { expected: 0, unexpected: [], unexpectedCount: 0, acknowledgedReviews: [] };

function judge(request, status, text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof request.expect === 'object') return body.errors?.[0]?.extensions?.code === request.expect.code;
  if (status !== 200 || body.errors !== undefined || !body.data) return false;
  if (request.expect === 'review') return { reviewId: body.data.reviewClaim.id };
  return true;
}

const result = await autocannon({
  url: `${spec.url}/graphql`,
  connections: spec.connections,
  duration: spec.durationSeconds,
  timeout: 10,
  requests: spec.requests.map((request) => ({
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    // ASCII only (non-ASCII escaped as \\uXXXX): autocannon sets Content-Length from the string's length.
    body: JSON.stringify(request.body).replace(
      /[\u0080-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
    onResponse: (status, text) => {
      const outcome = judge(request, status, text);
      if (outcome === false) {
        tally.unexpectedCount += 1;
        if (tally.unexpected.length < 10)
          tally.unexpected.push({ request: request.name, status, body: text.slice(0, 300) });
        return;
      }
      tally.expected += 1;
      if (typeof outcome === 'object') tally.acknowledgedReviews.push(outcome.reviewId);
    },
  })),
});

process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    latencyP99Ms: result.latency.p99,
    ...tally,
  }),
);
