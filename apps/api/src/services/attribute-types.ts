import type { AttributeType } from '@kodbok/db';

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
/** More distinct values than this, and an attribute is free text rather than a category. */
const MAX_CATEGORIES = 20;

/**
 * The one spelling of an attribute name, taken once where a name comes in (a path, a study's
 * attributes): "  age " and "age" are one attribute, so its type applies to both.
 */
export const attributeName = (raw: string) => raw.trim();

/** Whether a value is acceptable for a number attribute ("18", "2.5", "2,5"). */
export const isNumeric = (value: string) => NUMBER.test(value.trim());

/**
 * A first type for each attribute an import brings: number when every value is numeric,
 * category when few values repeat (country, design), else text. Users can change it later.
 */
export function attributeTypesFor(
  records: Array<{ attributes: Record<string, string> }>,
): Array<{ name: string; type: AttributeType }> {
  const values = new Map<string, string[]>();
  for (const r of records) {
    for (const [name, value] of Object.entries(r.attributes)) {
      const list = values.get(name) ?? [];
      list.push(value);
      values.set(name, list);
    }
  }
  return [...values].map(([name, list]) => ({ name, type: guessType(list) }));
}

function guessType(values: string[]): AttributeType {
  if (values.every(isNumeric)) return 'number';
  const distinct = new Set(values).size;
  return distinct <= MAX_CATEGORIES && distinct < values.length ? 'category' : 'text';
}
