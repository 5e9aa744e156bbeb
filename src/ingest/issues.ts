/**
 * The one shape of a problem in an annotation, whichever stage finds it (reading the files, the
 * schema, the cross-checks of compile/): the file, where in it, the document path and a message.
 * Every problem of a file is collected before anything is written, so a user fixes them in one go.
 */

export type IssuePath = (string | number)[];

export interface AnnotationIssue {
  file: string;
  line?: number;
  column?: number;
  /** Where in the document, e.g. ['claims', 3, 'quote'], printed "claims[3].quote". */
  path?: IssuePath;
  message: string;
}

/** Finds where a document path lies in a file; {} when it cannot tell. */
export type Locator = (path: IssuePath) => { line?: number; column?: number };

export function formatPath(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export function formatIssue(issue: AnnotationIssue): string {
  const position =
    issue.line === undefined ? '' : `:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  const where = issue.path && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  return `${issue.file}${position}: ${where}${issue.message}`;
}

export class AnnotationError extends Error {
  override name = 'AnnotationError';

  constructor(readonly issues: AnnotationIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

/** The issues of one file: each located as it is reported. */
export class Issues {
  readonly list: AnnotationIssue[] = [];

  constructor(
    readonly file: string,
    private readonly locate: Locator = () => ({}),
  ) {}

  report(path: IssuePath, message: string): void {
    this.list.push({ file: this.file, ...this.locate(path), path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Ends a stage: throws the issues found so far, if any. */
  throwIfAny(): void {
    if (!this.empty) throw new AnnotationError(this.list);
  }
}
