/** The `extensions.code` of the error `run` throws, or undefined when it throws none. */
export function codeThrownBy(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
}
