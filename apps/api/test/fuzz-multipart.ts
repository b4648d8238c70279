import fc from 'fast-check';
import { multipartBody } from './helper';
import type { Req } from './authorization-world';
import { mutation, show, type Mutation } from './fuzz-requests';
import { hostileJson, hostileText, serialize } from './fuzz-values';

/* Broken multipart/form-data uploads for the route fuzzer's import routes. */

/** Broken multipart uploads: boundaries, missing or unknown parts, bad mappings, odd file names. */
export function multipartMutations(files: Req['files']): fc.Arbitrary<Mutation> {
  const file = files?.[0] ?? { name: 'a.ris', content: 'TY  - JOUR\nER  - \n' };
  const valid = multipartBody([file]);
  const boundary = /boundary=(.*)$/.exec(valid.contentType)![1]!;
  const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
  const end = `--${boundary}--\r\n`;
  const fileHeader = (name: string, field = 'file') =>
    `Content-Disposition: form-data; name="${field}"; filename="${name}"`;
  const bodies = fc.oneof(
    fc.constantFrom(
      ['no parts', end],
      ['no final boundary', part(fileHeader(file.name), file.content)],
      ['a part with no headers', part('', file.content) + end],
      ['an unknown file field', part(fileHeader(file.name, 'other'), file.content) + end],
      ['an unknown text field', part('Content-Disposition: form-data; name="x"', 'y') + end],
      ['only a mapping', part('Content-Disposition: form-data; name="mapping"', '{}') + end],
      ['garbage between parts', `junk\r\n${part(fileHeader(file.name), file.content)}junk${end}`],
      ['an empty file', part(fileHeader(file.name), '') + end],
      ['a binary file', part(fileHeader(file.name), '\u0000\u00ff\ufffdPK\u0003\u0004') + end],
      [
        'six fields',
        Array.from({ length: 6 }, () =>
          part('Content-Disposition: form-data; name="mapping"', '{}'),
        ).join('') + end,
      ],
      [
        'fifty-one files',
        Array.from({ length: 51 }, (_, i) => part(fileHeader(`f${i}.ris`), 'x')).join('') + end,
      ],
    ),
    fc
      .nat({ max: valid.payload.length })
      .map((n) => [`cut at byte ${n}`, valid.payload.subarray(0, n)]),
    hostileText.map((name) => [
      `file name ${show(name)}`,
      part(fileHeader(name.replace(/["\r\n]/g, '')), file.content) + end,
    ]),
    hostileJson.map((m) => [
      `mapping ${show(m)}`,
      part('Content-Disposition: form-data; name="mapping"', serialize(m)) +
        part(fileHeader(file.name), file.content) +
        end,
    ]),
  );
  const type = fc.constantFrom(
    valid.contentType,
    'multipart/form-data',
    'multipart/form-data; boundary=other',
    `multipart/form-data; boundary="${boundary}"`,
    `multipart/form-data; boundary=${'b'.repeat(200)}`,
    'multipart/mixed; boundary=x',
  );
  return fc.tuple(bodies, type).map(([[what, body], t]) =>
    mutation(`multipart ${what} as ${show(t)}`, (raw) => ({
      ...raw,
      headers: { ...raw.headers, 'content-type': t },
      payload: typeof body === 'string' ? Buffer.from(body) : body,
    })),
  );
}
