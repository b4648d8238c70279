import { useMemo, useState } from 'react';
import { CONSENSUS_CODER_ID, type Role } from '@kodbok/contracts';
import {
  canChooseAnyCoder,
  codersParam,
  effectiveChoice,
  isOnlyMe,
  onlyCoder,
  parseChoice,
  serializeChoice,
  type CoderChoice,
} from '../lib/coder-choice';
import type { CoderRef } from '../lib/coder-marks';

/**
 * How a member chooses whose coding is on screen:
 * - choose: owners and supervisors, any coders, everyone, or the consensus;
 * - mine-or-all: coders, "Only my coding" or everyone's;
 * - blind: coders under independent coding, who see only their own;
 * - none: viewers, who read what the server lets them.
 */
export type CoderViewMode = 'choose' | 'mine-or-all' | 'blind' | 'none';

export interface CoderView {
  mode: CoderViewMode;
  choice: CoderChoice;
  setChoice: (choice: CoderChoice) => void;
  /** The `coders` parameter of the document, codebook and study-list reads. */
  coders: string | undefined;
  /** Coders the project knows, in member order, the consensus last. */
  options: readonly CoderRef[];
  meId: string;
  /** New highlights go into the consensus coding (only the consensus is shown, to a supervisor). */
  intoConsensus: boolean;
  /** New highlights become coding that the current choice shows. */
  showsOwnCoding: boolean;
}

interface Input {
  projectId: string;
  me: CoderRef;
  role: Role;
  independentCoding: boolean;
  /** Project members; undefined while loading. */
  members: ReadonlyArray<{ userId: string; name: string; role: Role }> | undefined;
}

/**
 * The choice of whose coding the workspace shows, kept per project and account in localStorage
 * rather than in the URL: it is a working setting that should follow the person from study to
 * study (sidebar links, excerpt links and the queue all open studies without it) and survive a
 * reload, like the recently used codes; per account, so a supervisor's choice left in a shared
 * browser never becomes a coder's.
 */
export function useCoderView({
  projectId,
  me,
  role,
  independentCoding,
  members,
}: Input): CoderView {
  const key = `kodbok:coders:${projectId}:${me.id}`;
  const [saved, setSaved] = useState(() => ({ key, choice: read(key) }));
  const stored = saved.key === key ? saved.choice : read(key);
  // Stable while the members are, so what is derived from the options is not redone per render.
  const options: readonly CoderRef[] = useMemo(
    () => [
      ...(members ?? [])
        .filter((m) => m.role !== 'viewer')
        .map((m) => ({ id: m.userId, name: m.name })),
      { id: CONSENSUS_CODER_ID, name: 'Consensus' },
    ],
    [members],
  );
  const effective = effectiveChoice(stored, {
    role,
    independentCoding,
    meId: me.id,
    coderIds: members ? options.map((o) => o.id) : null,
  });
  // One object per distinct choice, for the same reason.
  const choiceKey = serializeChoice(effective);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on its value
  const choice = useMemo(() => effective, [choiceKey]);
  const mode: CoderViewMode = canChooseAnyCoder(role)
    ? 'choose'
    : role === 'coder'
      ? independentCoding
        ? 'blind'
        : 'mine-or-all'
      : 'none';
  const intoConsensus = mode === 'choose' && onlyCoder(choice) === CONSENSUS_CODER_ID;
  return {
    mode,
    choice,
    setChoice: (next) => {
      setSaved({ key, choice: next });
      try {
        localStorage.setItem(key, serializeChoice(next));
      } catch {
        // Private mode or a full quota: the choice lasts until the page is left.
      }
    },
    coders: codersParam(choice, me.id),
    options,
    meId: me.id,
    intoConsensus,
    showsOwnCoding:
      intoConsensus ||
      choice.kind === 'all' ||
      isOnlyMe(choice, me.id) ||
      choice.ids.includes(me.id),
  };
}

function read(key: string): CoderChoice | null {
  try {
    return parseChoice(localStorage.getItem(key));
  } catch {
    return null;
  }
}
