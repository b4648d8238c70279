import { useState, type FormEvent } from 'react';
import type { Code } from '@kodbok/contracts';
import { familyPalette, PALETTE, placeCodes, themeOf } from '@kodbok/core';
import { FormError } from '../../../components/form-error';
import { useCreateCode } from '../api/create-code';
import { useUpdateCode } from '../api/update-code';
import { DialogButtons, type FormProps } from './dialog-buttons';

const text = (form: HTMLFormElement, name: string) =>
  String(new FormData(form).get(name) ?? '').trim();

/** Creates a code (under `parentId`) or renames `code`. */
export function NameForm({
  codes,
  projectId,
  onDone,
  code,
  parentId = null,
}: FormProps & { code?: Code; parentId?: string | null }) {
  const create = useCreateCode(projectId);
  const update = useUpdateCode(projectId);
  const mutation = code ? update : create;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = text(e.currentTarget, 'name');
    const parent = code ? undefined : text(e.currentTarget, 'parent') || null;
    if (code)
      update.mutate(
        { codeId: code.id, body: { name }, before: code, codes },
        { onSuccess: onDone },
      );
    else
      // The server colours it: a theme the next palette colour, a code a shade of its theme's.
      create.mutate({ name, parentId: parent }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="code-name">Name</label>
        <input
          id="code-name"
          name="name"
          type="text"
          required
          maxLength={200}
          defaultValue={code?.name}
          autoFocus
        />
      </div>
      {!code && (
        <div className="field">
          <label htmlFor="code-parent">Inside</label>
          <select id="code-parent" name="parent" defaultValue={parentId ?? ''}>
            <option value="">Top level (a new theme)</option>
            {/* In codebook order, each named with its path, as the tree shows them. */}
            {placeCodes(codes).map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormError error={mutation.error} />
      <DialogButtons
        submit={code ? 'Rename' : 'Create code'}
        onCancel={onDone}
        pending={mutation.isPending}
      />
    </form>
  );
}

/** A colour from the palette (distinguishable for colour-blind readers) or any other. */
export function ColourForm({ projectId, onDone, code, codes }: FormProps & { code: Code }) {
  const update = useUpdateCode(projectId);
  const [color, setColor] = useState(code.color);
  // Shades of its theme, for a code inside one (a theme itself picks from the palette).
  const found = code.parentId ? themeOf(codes, code.id) : undefined;
  const theme = found && /^#[0-9a-f]{6}$/i.test(found.color) ? found : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { codeId: code.id, body: { color: color.toUpperCase() }, before: code, codes },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      {theme && (
        <Swatches
          legend={`Shades of “${theme.name}”`}
          colors={familyPalette(theme.color)}
          color={color}
          onPick={setColor}
        />
      )}
      <Swatches legend="Palette" colors={PALETTE} color={color} onPick={setColor} />
      <div className="field">
        <label htmlFor="code-color">Custom colour</label>
        <input
          id="code-color"
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
        />
      </div>
      <FormError error={update.error} />
      <DialogButtons submit="Save colour" onCancel={onDone} pending={update.isPending} />
    </form>
  );
}

function Swatches({
  legend,
  colors,
  color,
  onPick,
}: {
  legend: string;
  colors: readonly string[];
  color: string;
  onPick: (color: string) => void;
}) {
  return (
    <fieldset className="palette">
      <legend>{legend}</legend>
      {colors.map((p) => (
        <button
          key={p}
          type="button"
          className="palette-swatch"
          aria-label={`Use colour ${p}`}
          aria-pressed={color.toUpperCase() === p.toUpperCase()}
          style={{ background: p }}
          onClick={() => onPick(p)}
        />
      ))}
    </fieldset>
  );
}

/** The definition coders read on hover, and keywords (comma-separated). */
export function DefinitionForm({ projectId, onDone, code, codes }: FormProps & { code: Code }) {
  const update = useUpdateCode(projectId);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const description = text(e.currentTarget, 'description');
    const keywords = text(e.currentTarget, 'keywords')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    update.mutate(
      { codeId: code.id, body: { description, keywords }, before: code, codes },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="code-description">Definition</label>
        <textarea
          id="code-description"
          name="description"
          rows={5}
          maxLength={10_000}
          defaultValue={code.description}
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor="code-keywords">Keywords</label>
        <input
          id="code-keywords"
          name="keywords"
          type="text"
          defaultValue={code.keywords.join(', ')}
          aria-describedby="code-keywords-hint"
        />
        <span className="field-hint" id="code-keywords-hint">
          Separate keywords with commas.
        </span>
      </div>
      <FormError error={update.error} />
      <DialogButtons submit="Save definition" onCancel={onDone} pending={update.isPending} />
    </form>
  );
}
