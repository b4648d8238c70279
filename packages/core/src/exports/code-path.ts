import { flattenTree, type CodeNode } from '../codebook';

/** The separator between a theme and its codes in exports: "Role and identity › Role clarity". */
export const PATH_SEPARATOR = ' › ';

export interface CodePlace {
  id: string;
  name: string;
  /** "Theme › Code › Sub-code". */
  path: string;
  /** The top-level code (the theme) this one sits under; itself for a theme. */
  themeId: string;
  themeName: string;
  /** 0 for a theme, 1 for its codes, … */
  depth: number;
}

/** Every code with its path from the theme, in codebook (tree) order. */
export function placeCodes<T extends CodeNode>(codes: readonly T[]): Array<T & CodePlace> {
  const placed = new Map<string, CodePlace>();
  return flattenTree(codes).map((code) => {
    const parent = code.parentId ? placed.get(code.parentId) : undefined;
    const place: CodePlace = {
      id: code.id,
      name: code.name,
      path: parent ? `${parent.path}${PATH_SEPARATOR}${code.name}` : code.name,
      themeId: parent ? parent.themeId : code.id,
      themeName: parent ? parent.themeName : code.name,
      depth: code.depth,
    };
    placed.set(code.id, place);
    return { ...code, ...place };
  });
}
