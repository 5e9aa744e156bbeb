import { appendFileSync } from 'node:fs';

/**
 * What the reliability tests tried, for `npm run reliability` (scripts/reliability.mjs): each call
 * appends one JSON line to the file named by RELIABILITY_REPORT_FILE. Without it (plain `npm test`)
 * nothing is written.
 */
export type ReliabilityEntry =
  | { kind: 'input'; category: string; tried: number; refused: number; unchanged: boolean }
  | { kind: 'property'; category: string; runs: number; failures: number }
  | { kind: 'fault'; fault: string; injected: number; survived: boolean; detail?: Record<string, unknown> }
  | { kind: 'writes'; scenario: string; acknowledged: number; lost: number }
  | {
      kind: 'load';
      run: number;
      durationSeconds: number;
      connections: number;
      requests: number;
      non2xx: number;
      errors: number;
      timeouts: number;
      latencyP99Ms: number;
      requestsPerSecond: number;
      rssMb: number;
      heapUsedMb: number;
    };

export function recordReliability(entry: ReliabilityEntry): void {
  const file = process.env.RELIABILITY_REPORT_FILE;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}
