// The explorer's one door to the service: POST /graphql on the same origin, typed by the
// operations of ./operations. A token, if the reader gives one, lives in sessionStorage only.
import type { TypedDocumentString } from './gql/graphql';

const TOKEN_KEY = 'news-claims.explore.token';

export const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document): T => {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${selector} is missing from the page`);
  return element;
};

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string): void => {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const bearer = token.get();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: TResult; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!body.data) throw new Error(`the API answered ${response.status} without data`);
  return body.data;
}

export function setStatus(message: string, isError = false): void {
  const status = $('#status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** A new element with a class and text, the building block of every view. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

export const lower = (value: string): string => value.toLowerCase().replace(/_/g, ' ');
