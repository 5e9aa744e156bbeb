import pino from 'pino';

/**
 * Structured JSON logs (pino), one object per line on stderr. Fields named like credentials are
 * redacted wherever they appear, so a token or password passed by mistake never reaches a log;
 * `error` fields are serialized to name, message and stack, which stay in the server's logs.
 */
const base = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'news-claims-graph' },
    serializers: { error: pino.stdSerializers.err },
    redact: {
      paths: [
        'authorization',
        'token',
        'password',
        '*.authorization',
        '*.token',
        '*.password',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  },
  pino.destination(2),
);

type Fields = Record<string, unknown>;

export const logger = {
  info: (message: string, fields: Fields = {}) => base.info(fields, message),
  warn: (message: string, fields: Fields = {}) => base.warn(fields, message),
  error: (message: string, fields: Fields = {}) => base.error(fields, message),
};
