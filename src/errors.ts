import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The few errors a client may see, each with a stable `extensions.code`.
 * Anything else that escapes a resolver is masked by `formatError` and logged.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  FAILED_PRECONDITION: 'FAILED_PRECONDITION',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export class BadUserInputError extends AppError {
  /** `field` names the argument or input path at fault, so a client can show it beside the right control. */
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field === undefined ? {} : { field });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(`${what} ${JSON.stringify(id)} was not found`, ErrorCode.NOT_FOUND, { id });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid bearer token is required') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN);
  }
}

/** A write based on a version that is no longer the current one (optimistic concurrency). */
export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, details);
  }
}

/** The operation does not apply to the item as it stands (e.g. retracting what is already retracted). */
export class FailedPreconditionError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FAILED_PRECONDITION);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; try again shortly') {
    super(message, ErrorCode.SERVICE_UNAVAILABLE);
  }
}

/**
 * A client error found before the operation runs (a bad request header): Apollo answers it with
 * this HTTP status instead of its default 500 for errors thrown while building the context.
 */
export class HttpError extends AppError {
  constructor(message: string, code: ErrorCode, status: number, details: Record<string, unknown> = {}) {
    super(message, code, { ...details, http: { status } });
  }
}

/** Codes that graphql-js and Apollo Server assign themselves and that are safe to pass through. */
const SAFE_FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ErrorCode.QUERY_TOO_COMPLEX,
]);

export type ErrorLogger = (error: unknown) => void;

/**
 * graphql-js stops coercing variables after 50 errors and adds this one without a code, which
 * Apollo does not mark BAD_USER_INPUT either; it is the client's input all the same (found by the fuzzer).
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\./;

/**
 * Apollo `formatError`: passes our errors and the framework's client errors through,
 * and replaces everything else (driver errors, Cypher, bugs) by a generic message.
 * Stack traces never leave the process: Apollo is configured with includeStacktraceInErrorResponses=false.
 */
export function createErrorFormatter(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof AppError) {
      // `http` tells Apollo which status to send (see HttpError); it is not for the client.
      const { http: _http, ...extensions } = original.extensions;
      return { ...formatted, message: original.message, extensions };
    }
    const code = formatted.extensions?.code;
    // Apollo wraps graphql-js's own errors (validation, variable coercion) as `originalError`: those
    // are safe; any other wrapped error (a driver error, a bug) is not, whatever code it carries.
    if (
      typeof code === 'string' &&
      SAFE_FRAMEWORK_CODES.has(code) &&
      !(original instanceof Error && original !== error && !(original instanceof GraphQLError))
    ) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    if (error instanceof GraphQLError && !error.originalError && TOO_MANY_VARIABLE_ERRORS.test(error.message)) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    logUnexpected(original);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
