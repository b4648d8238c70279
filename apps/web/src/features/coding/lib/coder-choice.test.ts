import { describe, expect, it } from 'vitest';
import {
  choiceSummary,
  codersParam,
  effectiveChoice,
  EVERYONE,
  parseChoice,
  serializeChoice,
  toggleCoder,
  type ChoiceScope,
} from './coder-choice';

const supervisor: ChoiceScope = {
  role: 'supervisor',
  independentCoding: true,
  meId: 'sam',
  coderIds: ['sam', 'astrid', 'bo', 'consensus'],
};
const coder: ChoiceScope = {
  ...supervisor,
  role: 'coder',
  meId: 'astrid',
  independentCoding: false,
};

describe('effectiveChoice', () => {
  it('gives a coder only their own coding while independent coding is on, whatever was stored', () => {
    const blind = { ...coder, independentCoding: true };
    expect(effectiveChoice(EVERYONE, blind)).toEqual({ kind: 'coders', ids: ['astrid'] });
    expect(effectiveChoice({ kind: 'coders', ids: ['bo'] }, blind)).toEqual({
      kind: 'coders',
      ids: ['astrid'],
    });
  });

  it('lets a coder choose between their own coding and everyone’s when it is off', () => {
    expect(effectiveChoice({ kind: 'coders', ids: ['astrid'] }, coder)).toEqual({
      kind: 'coders',
      ids: ['astrid'],
    });
    // A supervisor's choice left in the same browser is not theirs to make.
    expect(effectiveChoice({ kind: 'coders', ids: ['bo'] }, coder)).toEqual(EVERYONE);
  });

  it('keeps a supervisor’s coders that still exist, and falls back to everyone when none do', () => {
    expect(
      effectiveChoice({ kind: 'coders', ids: ['bo', 'gone', 'consensus'] }, supervisor),
    ).toEqual({
      kind: 'coders',
      ids: ['bo', 'consensus'],
    });
    expect(effectiveChoice({ kind: 'coders', ids: ['gone'] }, supervisor)).toEqual(EVERYONE);
    expect(effectiveChoice(null, supervisor)).toEqual(EVERYONE);
  });

  it('trusts a stored choice while the members are still loading, rather than fetching twice', () => {
    expect(
      effectiveChoice({ kind: 'coders', ids: ['bo'] }, { ...supervisor, coderIds: null }),
    ).toEqual({
      kind: 'coders',
      ids: ['bo'],
    });
  });

  it('shows a viewer everyone’s coding (the server decides what that covers)', () => {
    expect(
      effectiveChoice({ kind: 'coders', ids: ['bo'] }, { ...supervisor, role: 'viewer' }),
    ).toEqual(EVERYONE);
  });
});

describe('codersParam', () => {
  it('asks for the default with everyone, "me" for my own coding, and sorted ids otherwise', () => {
    expect(codersParam(EVERYONE, 'sam')).toBeUndefined();
    expect(codersParam({ kind: 'coders', ids: ['sam'] }, 'sam')).toBe('me');
    expect(codersParam({ kind: 'coders', ids: ['consensus'] }, 'sam')).toBe('consensus');
    // One selection is one query key, in whatever order it was ticked.
    expect(codersParam({ kind: 'coders', ids: ['bo', 'astrid'] }, 'sam')).toBe(
      codersParam({ kind: 'coders', ids: ['astrid', 'bo'] }, 'sam'),
    );
    expect(codersParam({ kind: 'coders', ids: ['bo', 'astrid'] }, 'sam')).toBe('astrid,bo');
  });
});

describe('toggleCoder', () => {
  it('ticks coders one by one and goes back to everyone when the last is unticked', () => {
    const one = toggleCoder(EVERYONE, 'bo');
    expect(one).toEqual({ kind: 'coders', ids: ['bo'] });
    const two = toggleCoder(one, 'consensus');
    expect(two).toEqual({ kind: 'coders', ids: ['bo', 'consensus'] });
    expect(toggleCoder(toggleCoder(two, 'bo'), 'consensus')).toEqual(EVERYONE);
  });
});

describe('choiceSummary', () => {
  const names = new Map([
    ['bo', 'Bo Karlsson'],
    ['consensus', 'Consensus'],
  ]);
  const nameOf = (id: string) => names.get(id) ?? id;
  it('names the choice as the button shows it', () => {
    expect(choiceSummary(EVERYONE, 'sam', nameOf)).toBe('Everyone');
    expect(choiceSummary({ kind: 'coders', ids: ['sam'] }, 'sam', nameOf)).toBe('Only me');
    expect(choiceSummary({ kind: 'coders', ids: ['consensus'] }, 'sam', nameOf)).toBe('Consensus');
    expect(choiceSummary({ kind: 'coders', ids: ['bo', 'sam'] }, 'sam', nameOf)).toBe('2 coders');
  });
});

describe('parseChoice', () => {
  it('reads back what was saved, and ignores anything else', () => {
    const choice = { kind: 'coders' as const, ids: ['bo', 'consensus'] };
    expect(parseChoice(serializeChoice(choice))).toEqual(choice);
    expect(parseChoice(serializeChoice(EVERYONE))).toEqual(EVERYONE);
    expect(parseChoice(null)).toBeNull();
    expect(parseChoice('not json')).toBeNull();
    expect(parseChoice('{"kind":"coders","ids":[]}')).toBeNull();
    expect(parseChoice('{"kind":"coders","ids":[1,""]}')).toBeNull();
  });
});
