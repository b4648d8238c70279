import {
  endpointUrl,
  type ApiErrorBody,
  type Endpoint,
  type InputOf,
  type Method,
  type ResultOf,
} from '@kodbok/contracts';

/** Thrown for every non-2xx answer; carries the server's one error body. The UI decides what to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  /** The request outlives the page (a memo saved while the tab closes). */
  keepalive?: boolean;
}

/** The input of an endpoint, optional where it has nothing required. */
type CallArgs<E extends Endpoint> =
  Record<string, never> extends InputOf<E>
    ? [input?: InputOf<E>, options?: RequestOptions]
    : [input: InputOf<E>, options?: RequestOptions];

/**
 * Calls an endpoint of the API (packages/contracts): the path, query and body are built from the
 * endpoint's table entry and typed by its schemas, and so is the answer.
 */
export function call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ResultOf<E>> {
  return callWithStatus(endpoint, ...args).then((r) => r.data);
}

/** `call`, with the status, for the few endpoints whose success statuses mean different things. */
export function callWithStatus<E extends Endpoint>(
  endpoint: E,
  ...[input, options]: CallArgs<E>
): Promise<{ status: number; data: ResultOf<E> }> {
  return apiResponse<ResultOf<E>>(endpoint.method, urlOf(endpoint, input), input?.body, options);
}

/** The URL of a call, for what the browser fetches itself: downloads, uploads, links. */
export function urlOf<E extends Endpoint>(endpoint: E, input?: InputOf<E>): string {
  return endpointUrl(
    endpoint,
    input?.params as Record<string, string> | undefined,
    input?.query as Parameters<typeof endpointUrl>[2],
  );
}

/** The one fetch: JSON in, JSON out, cookies sent, errors thrown as ApiError. */
async function apiResponse<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<{ status: number; data: T }> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    keepalive: options.keepalive,
  });
  if (res.status === 204) return { status: 204, data: null as T };
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = isErrorBody(data)
      ? data
      : {
          statusCode: res.status,
          error: res.statusText,
          message: `Request failed (${res.status})`,
        };
    throw new ApiError(res.status, err);
  }
  return { status: res.status, data: data as T };
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  return typeof x === 'object' && x !== null && 'message' in x && 'statusCode' in x;
}

/** Upload progress: bytes sent so far of the total. */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * POSTs multipart form data with upload progress, which fetch cannot report: the one place that
 * uses XMLHttpRequest. Same contract as `api`: JSON back, ApiError on a non-2xx answer.
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress?: UploadProgress,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page, say: reported below by status.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const body = isErrorBody(data)
        ? data
        : {
            statusCode: xhr.status,
            error: xhr.statusText,
            message: `Upload failed (${xhr.status})`,
          };
      reject(new ApiError(xhr.status, body));
    };
    xhr.send(form);
  });
}
