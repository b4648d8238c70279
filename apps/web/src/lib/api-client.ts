import type { ApiErrorBody } from '@kodbok/contracts';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The one fetch wrapper: JSON in, JSON out, cookies sent, errors thrown as ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
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
  return data as T;
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  return typeof x === 'object' && x !== null && 'message' in x && 'statusCode' in x;
}
