import { SaxesParser } from 'saxes';
import { RefiFileError } from './errors';

/** One element of a parsed document: its local name, namespace, attributes and content. */
export interface XmlElement {
  name: string;
  ns: string;
  /** Attributes without a namespace (namespace declarations and xsi:* left out), by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA), entities resolved, line ends as LF. */
  text: string;
  line: number;
}

export interface XmlLimits {
  /** Elements in the whole document. */
  maxElements: number;
  /** Nesting depth (codes nest; everything else is shallow). */
  maxDepth: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxElements: 1_000_000, maxDepth: 256 };

/**
 * Parses a whole XML document into a tree, refusing what an exchange file never needs and an
 * attacker would use: a DOCTYPE (and so every entity declaration, internal or external) is
 * refused outright, and saxes never fetches or expands anything but the five predefined entities
 * and character references. Not well-formed XML is refused with the line saxes stopped at.
 */
export function parseXml(
  text: string,
  what: string,
  limits: XmlLimits = DEFAULT_LIMITS,
): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  const fail = (message: string): never => {
    throw new RefiFileError(`${what}: ${message} (line ${parser.line})`);
  };
  parser.on('doctype', () =>
    fail('has a DOCTYPE, which an exchange file never needs; entity declarations are refused'),
  );
  parser.on('opentag', (tag) => {
    if (++count > limits.maxElements) fail(`has more than ${limits.maxElements} elements`);
    if (stack.length >= limits.maxDepth) fail(`nests elements deeper than ${limits.maxDepth}`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (typeof a === 'string' || a.uri !== '' || a.prefix === 'xmlns' || a.name === 'xmlns')
        continue;
      attrs[a.local] = a.value;
    }
    const el: XmlElement = {
      name: tag.local ?? tag.name,
      ns: tag.uri ?? '',
      attrs,
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (err) {
    if (err instanceof RefiFileError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    // saxes prefixes its messages with "line:column: "; keep the reason, say where once.
    throw new RefiFileError(
      `${what} is not well-formed XML: ${message.replace(/^(\S*:)?\d+:\d+: /, '')}`,
    );
  }
  if (!root) throw new RefiFileError(`${what} holds no XML element`);
  return root;
}

/** The child elements named `name` (by local name, whatever their namespace). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The first child element named `name`, if any. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** The text of a child element, or '' when there is none. */
export function childText(el: XmlElement, name: string): string {
  return childNamed(el, name)?.text ?? '';
}
