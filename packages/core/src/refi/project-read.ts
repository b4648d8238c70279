import { RefiFileError } from './errors';
import { guidKey } from './guid';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiValue,
} from './model';
import { childNamed, childrenNamed, childText, type XmlElement } from './xml-read';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

/**
 * Reads a parsed .qde into a RefiProject. Lenient where real tools bend the standard (element
 * names matched by local name, GUIDs in any case, optional attributes missing), strict where a
 * file would be unreadable: the root must be a Project in the QDA-XML project namespace, and
 * codes, sources and selections must have what identifies and places them.
 */
export function readProject(root: XmlElement, what: string): RefiProject {
  if (root.name !== 'Project' || !/^urn:QDA-XML:project:/i.test(root.ns)) {
    const found = root.ns ? `{${root.ns}}${root.name}` : `${root.name} without a namespace`;
    throw new RefiFileError(
      `${what}: the root element is ${found}, expected Project in namespace ${PROJECT_NS}`,
    );
  }
  const ctx = new Reader(what);
  const sources = childNamed(root, 'Sources');
  const count = (name: string) => (sources ? childrenNamed(sources, name).length : 0);
  return {
    name: root.attrs.name ?? '',
    origin: root.attrs.origin ?? '',
    description: childText(root, 'Description'),
    noteRefs: refs(root, 'NoteRef'),
    users: childrenOf(root, 'Users', 'User').flatMap((u) =>
      u.attrs.guid ? [{ guid: guidKey(u.attrs.guid), name: u.attrs.name ?? '' }] : [],
    ),
    codes: childrenOf(childNamed(root, 'CodeBook'), 'Codes', 'Code').map((c) => ctx.code(c)),
    variables: childrenOf(root, 'Variables', 'Variable').map((v) => ({
      guid: guidKey(ctx.required(v, 'guid')),
      name: v.attrs.name ?? '',
      type: v.attrs.typeOfVariable ?? 'Text',
      description: childText(v, 'Description'),
    })),
    cases: childrenOf(root, 'Cases', 'Case').map((c) => ctx.case(c)),
    sources: sources ? childrenNamed(sources, 'TextSource').map((s) => ctx.source(s)) : [],
    notes: childrenOf(root, 'Notes', 'Note').map((n) => ({
      guid: guidKey(ctx.required(n, 'guid')),
      name: n.attrs.name ?? '',
      description: childText(n, 'Description'),
      content: childNamed(n, 'PlainTextContent')?.text ?? null,
      plainTextPath: n.attrs.plainTextPath ?? null,
      user: userOf(n),
    })),
    referencedNotes: noteRefsIn(root),
    links: childrenOf(root, 'Links', 'Link').map((l) => ({
      origin: guidKey(l.attrs.originGUID ?? ''),
      target: guidKey(l.attrs.targetGUID ?? ''),
      noteRefs: refs(l, 'NoteRef'),
    })),
    sets: childrenOf(root, 'Sets', 'Set').map((s) => ({
      name: s.attrs.name ?? '',
      sources: refs(s, 'MemberSource'),
      codes: refs(s, 'MemberCode'),
    })),
    other: {
      pictureSources: count('PictureSource'),
      pdfSources: count('PDFSource'),
      audioSources: count('AudioSource'),
      videoSources: count('VideoSource'),
      graphs: childrenOf(root, 'Graphs', 'Graph').length,
    },
  };
}

/** `<Wrapper><Item/>…</Wrapper>` under `el`: the items (none when the wrapper is absent or empty). */
function childrenOf(el: XmlElement | undefined, wrapper: string, item: string): XmlElement[] {
  const w = el && childNamed(el, wrapper);
  return w ? childrenNamed(w, item) : [];
}

/** The targets of `<name targetGUID=…/>` children (a .qdc's MemberCode says `guid=`). */
function refs(el: XmlElement, name: string): string[] {
  return childrenNamed(el, name).flatMap((r) => {
    const target = r.attrs.targetGUID ?? r.attrs.guid;
    return target ? [guidKey(target)] : [];
  });
}

/**
 * Who wrote an element: its creatingUser, or its modifyingUser when only that is given (Quirkos);
 * QualCoder writes `creatingUser=""` for an unknown owner (deviations §B19), which names no one.
 */
function userOf(el: XmlElement): string | null {
  const user = el.attrs.creatingUser?.trim() || el.attrs.modifyingUser?.trim();
  return user ? guidKey(user) : null;
}

/** The targets of every NoteRef in the tree under `root`. */
function noteRefsIn(root: XmlElement): string[] {
  const out: string[] = [];
  const stack = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (el.name === 'NoteRef' && el.attrs.targetGUID) out.push(guidKey(el.attrs.targetGUID));
    for (const child of el.children) stack.push(child);
  }
  return out;
}

function values(el: XmlElement): RefiValue[] {
  return childrenNamed(el, 'VariableValue').flatMap((v) => {
    const ref = childNamed(v, 'VariableRef')?.attrs.targetGUID;
    const value = v.children.find((c) => c.name !== 'VariableRef');
    return ref && value ? [{ variable: guidKey(ref), value: value.text.trim() }] : [];
  });
}

class Reader {
  constructor(private readonly what: string) {}

  /** An attribute the element cannot be used without; its absence makes the file unreadable. */
  required(el: XmlElement, attr: string): string {
    const value = el.attrs[attr];
    if (value === undefined || (attr === 'guid' && !value.trim())) {
      const name = el.attrs.name ? ` "${el.attrs.name}"` : '';
      throw new RefiFileError(
        `${this.what}: ${el.name}${name} at line ${el.line} has no ${attr} attribute, which it requires`,
      );
    }
    return value;
  }

  position(el: XmlElement, attr: string): number {
    const raw = this.required(el, attr).trim();
    if (!/^[+-]?\d+$/.test(raw)) {
      throw new RefiFileError(
        `${this.what}: ${el.name} at line ${el.line} has ${attr}="${raw}", which is not a whole number`,
      );
    }
    return Number.parseInt(raw, 10);
  }

  code(el: XmlElement): RefiCode {
    return {
      guid: guidKey(this.required(el, 'guid')),
      name: this.required(el, 'name'),
      color: el.attrs.color ?? null,
      description: childText(el, 'Description'),
      codable: (el.attrs.isCodable ?? 'true').trim() !== 'false' && el.attrs.isCodable !== '0',
      noteRefs: refs(el, 'NoteRef'),
      children: childrenNamed(el, 'Code').map((c) => this.code(c)),
    };
  }

  case(el: XmlElement): RefiCase {
    return {
      guid: guidKey(this.required(el, 'guid')),
      name: el.attrs.name ?? '',
      description: childText(el, 'Description'),
      sources: refs(el, 'SourceRef'),
      values: values(el),
      noteRefs: refs(el, 'NoteRef'),
    };
  }

  source(el: XmlElement): RefiTextSource {
    return {
      guid: guidKey(this.required(el, 'guid')),
      name: el.attrs.name ?? '',
      plainTextPath: el.attrs.plainTextPath ?? null,
      content: childNamed(el, 'PlainTextContent')?.text ?? null,
      description: childText(el, 'Description'),
      selections: childrenNamed(el, 'PlainTextSelection').map((s) => this.selection(s)),
      values: values(el),
      noteRefs: refs(el, 'NoteRef'),
    };
  }

  selection(el: XmlElement): RefiSelection {
    const user = userOf(el);
    return {
      guid: guidKey(this.required(el, 'guid')),
      name: el.attrs.name ?? '',
      start: this.position(el, 'startPosition'),
      end: this.position(el, 'endPosition'),
      user,
      created: el.attrs.creationDateTime ?? el.attrs.modifiedDateTime ?? null,
      description: childText(el, 'Description'),
      codings: childrenNamed(el, 'Coding').map((c) => this.coding(c)),
      noteRefs: refs(el, 'NoteRef'),
    };
  }

  coding(el: XmlElement): RefiCoding {
    const ref = childNamed(el, 'CodeRef');
    if (!ref) {
      throw new RefiFileError(
        `${this.what}: Coding at line ${el.line} has no CodeRef, so its code is unknown`,
      );
    }
    return {
      code: guidKey(this.required(ref, 'targetGUID')),
      user: el.attrs.creatingUser ? guidKey(el.attrs.creatingUser) : null,
      created: el.attrs.creationDateTime ?? null,
      noteRefs: refs(el, 'NoteRef'),
    };
  }
}
