import type { Code, UpdateCodeBody } from '@kodbok/contracts';

/**
 * The change that puts back what `body` changed on `before`: each field it set, as it was. A
 * move restores the old parent and place too, so the code returns among its old siblings.
 */
export function undoPatch(before: Code, body: UpdateCodeBody): UpdateCodeBody {
  const back: UpdateCodeBody = {};
  if (body.name !== undefined) back.name = before.name;
  if (body.color !== undefined) back.color = before.color.toUpperCase();
  if (body.description !== undefined) back.description = before.description;
  if (body.keywords !== undefined) back.keywords = [...before.keywords];
  if (body.parentId !== undefined || body.position !== undefined) {
    if (body.parentId !== undefined) back.parentId = before.parentId;
    back.position = before.position;
  }
  return back;
}

/** What the change did, in the words of its toast ("Renamed “Trust” to “Tillit”"). */
export function describeChange(before: Code, body: UpdateCodeBody, codes: readonly Code[]): string {
  const name = `“${before.name}”`;
  if (body.name !== undefined) return `Renamed ${name} to “${body.name.trim()}”`;
  if (body.parentId !== undefined) {
    const parent = codes.find((c) => c.id === body.parentId);
    return `Moved ${name} ${parent ? `under “${parent.name}”` : 'to the top level'}`;
  }
  if (body.position !== undefined)
    return `Moved ${name} ${body.position < before.position ? 'up' : 'down'}`;
  if (body.color !== undefined) return `Recoloured ${name}`;
  return `Edited the definition of ${name}`;
}
