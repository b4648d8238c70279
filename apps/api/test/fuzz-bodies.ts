import fc from 'fast-check';
import { mutation, show, type Mutation } from './fuzz-requests';
import { hostileJson, hostileText, serialize } from './fuzz-values';

/* Hostile JSON bodies for the route fuzzer, made from a route's valid body. */

type Path = Array<string | number>;

/** Every place in a JSON value: object keys and array indexes, to the leaves. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...at, k]))];
}

/** `body` with the value at `path` set (or deleted, for undefined); the root at []. */
function setAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(body) ? [...body] : { ...(body as object) };
  if (rest.length === 0 && value === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else {
    // defineProperty: an assignment to "__proto__" would set the prototype, not a property.
    const item = setAt(copy[head!], rest, value);
    Object.defineProperty(copy, head!, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON body with one field type-swapped, missing, extra, or the whole body replaced. */
export function bodyMutations(
  base: unknown,
  names: string[],
  otherIds: string[],
): fc.Arbitrary<Mutation> {
  const body = base ?? {};
  const value = fc.oneof(
    { weight: 3, arbitrary: hostileJson },
    { weight: 1, arbitrary: fc.constantFrom(...otherIds) },
    { weight: 1, arbitrary: fc.constantFrom(...otherIds).map((id) => [id]) },
    { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 63, -(2 ** 31) - 1, 1e-7, 2 ** 53) },
  );
  const places = pathsOf(body).filter((p) => p.length > 0);
  // Where a new property can go: the body and every object in it (free-form records take any key).
  const objects = pathsOf(body).filter((p) => isObject(p.reduce((v: any, k) => v?.[k], body)));
  const fields = [...places, ...names.map((n) => [n]), ['extra'], ['__proto__'], ['constructor']];
  const change = fc.oneof(
    fc
      .tuple(fc.constantFrom(...fields), value)
      .map(
        ([path, v]) =>
          [`body ${path.join('.')} = ${show(v)}`, (b: unknown) => setAt(b, path, v)] as const,
      ),
    fc
      .constantFrom(...(places.length ? places : [['extra']]))
      .map(
        (path) =>
          [`body ${path.join('.')} missing`, (b: unknown) => setAt(b, path, undefined)] as const,
      ),
    fc
      .tuple(fc.constantFrom(...(objects.length ? objects : [[]])), hostileText, value)
      .map(
        ([path, key, v]) =>
          [
            `body ${[...path, show(key)].join('.')} = ${show(v)}`,
            (b: unknown) => setAt(b, [...path, key], v),
          ] as const,
      ),
    hostileJson.map((v) => [`body = ${show(v)}`, () => v] as const),
    fc.constant([`body wrapped in an array`, (b: unknown) => [b]] as const),
  );
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    const value = changes.reduce((b: unknown, [, f]) => f(b), body);
    return mutation(changes.map(([w]) => w).join('; '), (raw) => ({
      ...raw,
      headers: { ...raw.headers, 'content-type': 'application/json' },
      payload: serialize(value),
    }));
  });
}
