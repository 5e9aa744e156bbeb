/**
 * A minimal structured logger: one JSON object per line on stderr, so log shippers can parse
 * it. Error objects are reduced to name, message and stack, which stay in the server's logs.
 */
type Level = 'info' | 'warn' | 'error';

function serialize(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  if (process.env.LOG_LEVEL === 'silent') return;
  const entry = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, serialize(value)]));
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...entry })}\n`);
}

export const logger = {
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write('error', message, fields),
};
