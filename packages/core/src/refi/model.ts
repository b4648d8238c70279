/*
 * A REFI-QDA project as read from its .qde: only what Kodbok can use, plain data. GUIDs are in
 * `guidKey` form (lower case, no braces). Positions are as the file wrote them.
 */

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** `#RRGGBB` or `#RGB` as written; null when missing or unreadable. */
  color: string | null;
  description: string;
  codable: boolean;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: string;
  description: string;
}

export interface RefiValue {
  variable: string;
  value: string;
}

export interface RefiCase {
  guid: string;
  name: string;
  description: string;
  sources: string[];
  values: RefiValue[];
  /** Not in the XSD's CaseType, but read if a tool writes it. */
  noteRefs: string[];
}

export interface RefiCoding {
  code: string;
  /** The user who applied the code, if the file says. */
  user: string | null;
  created: string | null;
  noteRefs: string[];
}

export interface RefiSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  /** creatingUser, or modifyingUser when only that is given (Quirkos). */
  user: string | null;
  created: string | null;
  description: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiTextSource {
  guid: string;
  name: string;
  plainTextPath: string | null;
  /** Inline PlainTextContent, when the source carries its text in the XML. */
  content: string | null;
  description: string;
  selections: RefiSelection[];
  values: RefiValue[];
  noteRefs: string[];
}

/** How a source is called in messages and titles: its name, else its file's name, else its GUID. */
export function sourceLabel(s: Pick<RefiTextSource, 'name' | 'plainTextPath' | 'guid'>): string {
  return s.name.trim() || s.plainTextPath?.split(/[\\/]/).pop()?.trim() || s.guid;
}

export interface RefiNote {
  guid: string;
  name: string;
  description: string;
  content: string | null;
  plainTextPath: string | null;
  /** creatingUser, or modifyingUser when only that is given; null when neither names anyone. */
  user: string | null;
}

export interface RefiLink {
  origin: string;
  target: string;
  noteRefs: string[];
}

export interface RefiSet {
  name: string;
  sources: string[];
  codes: string[];
}

/** Parts of the project Kodbok has no place for, counted to say so. */
export interface RefiOther {
  pictureSources: number;
  pdfSources: number;
  audioSources: number;
  videoSources: number;
  graphs: number;
}

export interface RefiProject {
  name: string;
  origin: string;
  /** The project's own Description. */
  description: string;
  /** The notes on the project as a whole (NoteRefs at the end of Project). */
  noteRefs: string[];
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  /** Every note some NoteRef in the file points at, from whatever element (media ones too). */
  referencedNotes: string[];
  links: RefiLink[];
  sets: RefiSet[];
  other: RefiOther;
}
