import type Type from 'typebox';
import { type TObject, type TSchema } from 'typebox';
import type { Action } from './policy';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint: a project action of the policy (policy.ts), or
 * - public: anyone, signed in or not;
 * - signedIn: any account (its own things: its projects, its tokens, its invitations);
 * - self: any account, on an object that is its own (another account's answers 404);
 * - instanceOwner: the instance owner only (accounts, backups).
 * The services enforce it; the authorization test checks every endpoint against it.
 */
export type Requires = Action | 'public' | 'signedIn' | 'self' | 'instanceOwner';

/** The statuses of the one error body (ErrorSchema) an endpoint may answer with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * One endpoint of the public API, written once: the server registers its route from this, the web
 * app and the tests call it through this, and OpenAPI describes it from this.
 */
export interface Endpoint {
  readonly method: Method;
  /** Below /api, with `:name` for each path parameter (`/codes/:codeId`, `/exports/x.:format`). */
  readonly path: string;
  readonly requires: Requires;
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly params?: TObject;
  readonly query?: TObject;
  /** A JSON body; `multipart` endpoints take form data instead and have none. */
  readonly body?: TSchema;
  readonly multipart?: true;
  /** The media types of a download's file, for OpenAPI (its success answer is `'file'`). */
  readonly produces?: readonly string[];
  /**
   * The success answers by status: a JSON schema, `NoContent` for 204, or `'file'` for a download
   * (the browser navigates to it rather than fetching JSON).
   */
  readonly ok: Readonly<Record<number, TSchema | 'file'>>;
  readonly errors: readonly ErrorStatus[];
}

/** Checks a table of endpoints against `Endpoint` while keeping each one's exact type. */
export function defineEndpoints<const T extends Record<string, Endpoint>>(table: T): T {
  return table;
}

type StaticOr<S, Else> = S extends TSchema ? Type.Static<S> : Else;

export type ParamsOf<E extends Endpoint> = StaticOr<E['params'], Record<string, never>>;
export type QueryOf<E extends Endpoint> = StaticOr<E['query'], Record<string, never>>;
export type BodyOf<E extends Endpoint> = StaticOr<E['body'], undefined>;
/** The JSON of any success answer (`null` for 204, `undefined` for downloads). */
export type ResultOf<E extends Endpoint> = {
  [S in keyof E['ok']]: E['ok'][S] extends TSchema ? Type.Static<E['ok'][S]> : undefined;
}[keyof E['ok']];

/** What a caller supplies: path parameters, the query and the body, each only where it has one. */
export type InputOf<E extends Endpoint> = (E['params'] extends TSchema
  ? { params: ParamsOf<E> }
  : { params?: never }) &
  (E['query'] extends TSchema ? { query?: QueryOf<E> } : { query?: never }) &
  (E['body'] extends TSchema ? { body: BodyOf<E> } : { body?: never });

type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

/**
 * The URL of a call: `/api` + the path with each `:name` replaced by its encoded parameter, and the
 * query with undefined values left out and arrays as repeated keys (`attr=a&attr=b`).
 */
export function endpointUrl(
  endpoint: Pick<Endpoint, 'path'>,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, QueryValue>> = {},
): string {
  const path = endpoint.path.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const qs = search.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** The success status an endpoint answers with unless its handler picks another of `ok`. */
export function defaultStatus(endpoint: Pick<Endpoint, 'ok'>): number {
  return Math.min(...Object.keys(endpoint.ok).map(Number));
}
