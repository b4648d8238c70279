import fc from 'fast-check';
import { multipartBody, SAME_ORIGIN } from './helper';
import type { Req } from './authorization-world';
import {
  encodeComponent,
  headerText,
  hostileNumberText,
  hostileText,
  rawUrlText,
  RawJson,
} from './fuzz-values';

/*
 * A valid request of one route as raw parts (the authorization matrix's row, authorization-
 * routes.ts), and the hostile changes the fuzzer makes to it: one arbitrary per part of a request.
 */

export type Headers = Record<string, string>;

/** A request as it goes on the wire: path parameters and query already encoded. */
export interface Raw {
  method: string;
  /** "/api/studies/:studyId": parameters are filled in by `url`. */
  pattern: string;
  params: Record<string, string>;
  query: string;
  headers: Headers;
  payload?: string | Buffer;
}

/** What the OpenAPI document says a route takes besides its row's request. */
export interface RouteShape {
  queryNames: string[];
  bodyNames: string[];
  multipart: boolean;
}

export function toRaw(route: string, req: Req, cookie: string | null): Raw {
  const [method, pattern] = route.split(' ') as [string, string];
  const params = Object.fromEntries(
    Object.entries(req.params ?? {}).map(([k, v]) => [k, encodeComponent(v)]),
  );
  const query = req.query ? new URLSearchParams(req.query).toString() : '';
  const headers: Headers = { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) };
  let payload: string | Buffer | undefined;
  if (req.files) {
    const body = multipartBody(req.files);
    headers['content-type'] = body.contentType;
    payload = body.payload;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body);
  }
  return { method, pattern, params, query, headers, ...(payload === undefined ? {} : { payload }) };
}

export function url(raw: Raw): string {
  const path = raw.pattern.replace(/:(\w+)/g, (_, name: string) => raw.params[name] ?? '');
  return raw.query ? `${path}?${raw.query}` : path;
}

/** A change to a request, with words for the failure message. */
export interface Mutation {
  what: string;
  apply(raw: Raw): Raw;
  /** What fast-check prints as the counterexample. */
  toString(): string;
}

export const mutation = (what: string, apply: (raw: Raw) => Raw): Mutation => ({
  what,
  apply,
  toString: () => what,
});
export const show = (v: unknown) => {
  const s = v instanceof RawJson ? v.text : typeof v === 'string' ? v : JSON.stringify(v);
  return JSON.stringify(
    s === undefined ? 'undefined' : s.length > 60 ? `${s.slice(0, 60)}… (${s.length})` : s,
  );
};

/** A hostile path parameter: any text encoded, raw URL syntax, or an id of project B's. */
export function paramMutations(names: string[], otherIds: string[]): fc.Arbitrary<Mutation> {
  const value = fc.oneof(
    hostileText.map(encodeComponent),
    rawUrlText,
    fc.constantFrom(...otherIds),
    fc.integer().map(String),
  );
  return fc.tuple(fc.constantFrom(...names), value).map(([name, v]) =>
    mutation(`param ${name} = ${show(v)}`, (raw) => ({
      ...raw,
      params: { ...raw.params, [name]: v },
    })),
  );
}

/** Hostile query entries: numbers out of range, repeated keys, brackets, huge and invalid text. */
export function queryMutations(names: string[], otherIds: string[]): fc.Arbitrary<Mutation> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(names.length ? names : ['q'])) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'a[b][c]',
        'limit[]',
        '__proto__',
        'constructor[prototype]',
        '',
        '%',
      ),
    },
  );
  const value = fc.oneof(
    hostileNumberText,
    hostileText.map(encodeComponent),
    rawUrlText,
    fc.constantFrom(...otherIds),
  );
  const entries = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 });
  return fc.tuple(entries, fc.boolean()).map(([pairs, keep]) => {
    const text = pairs.map(([k, v]) => `${k}=${v}`).join('&');
    return mutation(`query ${keep ? '+' : '='} ${show(text)}`, (raw) => ({
      ...raw,
      query: keep && raw.query ? `${raw.query}&${text}` : text,
    }));
  });
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;;',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/xml',
  'application/octet-stream',
  '*/*',
  '',
];

/** A body that is not the JSON it should be, under any content type (or none). */
export function rawBodyMutations(base: string | Buffer | undefined): fc.Arbitrary<Mutation> {
  const json = typeof base === 'string' ? base : '{"name":"x"}';
  const payload = fc.oneof(
    fc.constantFrom<string | Buffer>(
      '',
      'not json',
      '{',
      '{"a":1}{"b":2}',
      'null',
      '\ufeff' + json,
      ' '.repeat(100_000),
      '\u0000',
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from(json, 'utf16le'),
    ),
    fc.nat({ max: Math.max(json.length - 1, 0) }).map((n) => json.slice(0, n)),
    headerText,
  );
  const type = fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText);
  return fc.tuple(payload, type, fc.boolean()).map(([p, t, withType]) =>
    mutation(
      `raw body ${show(p.toString())} as ${withType ? show(t) : 'no content type'}`,
      (raw) => {
        const headers = { ...raw.headers };
        delete headers['content-type'];
        if (withType) headers['content-type'] = t;
        return { ...raw, headers, payload: p };
      },
    ),
  );
}

/** Hostile headers: content type, cookies (huge, twice, tampered), Origin, tokens, encodings. */
export function headerMutations(otherCookie: string): fc.Arbitrary<Mutation> {
  const set = (name: string, value: fc.Arbitrary<string>) =>
    value.map((v) =>
      mutation(`header ${name}: ${show(v)}`, (raw) => ({
        ...raw,
        headers: { ...raw.headers, [name]: v },
      })),
    );
  return fc.oneof(
    set('content-type', fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText)),
    set(
      'origin',
      fc.oneof(fc.constantFrom('null', 'http://evil.example', 'http://localhost:80/'), headerText),
    ),
    set('sec-fetch-site', fc.oneof(fc.constantFrom('cross-site', 'same-site', 'none'), headerText)),
    set(
      'authorization',
      fc.oneof(
        fc.constantFrom('Bearer ', 'Bearer x', 'Basic YTpi'),
        headerText.map((t) => `Bearer ${t}`),
      ),
    ),
    set(
      'accept-encoding',
      fc.oneof(fc.constantFrom('br;q=NaN', 'gzip;q=1e400', '*;q=-1'), headerText),
    ),
    set('accept', headerText),
    set('host', fc.oneof(fc.constantFrom('', 'evil.example', 'localhost:99999'), headerText)),
    headerText.map((v) =>
      mutation(`cookie replaced by ${show(v)}`, (raw) => ({
        ...raw,
        headers: { ...raw.headers, cookie: v },
      })),
    ),
    fc
      .constantFrom(
        (own: string) => `${own}; ${otherCookie}`,
        (own: string) => `${otherCookie}; ${own}`,
        (own: string) => `${own}; kodbok_session=s%3Agarbage.sig`,
        (own: string) => `${own}; ${'kodbok_session=x; '.repeat(500)}`,
        (own: string) => `${own.slice(0, -3)}abc`,
        (own: string) => `${own}${'a'.repeat(10_000)}`,
        () => `kodbok_session=${'%'.repeat(3_000)}`,
        () => '=;;=;',
      )
      .map((f) =>
        mutation(`cookie ${show(f('<own>'))}`, (raw) => ({
          ...raw,
          headers: { ...raw.headers, cookie: f(raw.headers.cookie ?? '') },
        })),
      ),
  );
}
