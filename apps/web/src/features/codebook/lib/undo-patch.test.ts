import { describe, expect, it } from 'vitest';
import type { Code } from '@kodbok/contracts';
import { describeChange, undoPatch } from './undo-patch';

const code = (over: Partial<Code> = {}): Code => ({
  id: 'c1',
  projectId: 'p',
  parentId: 't1',
  name: 'Trust',
  color: '#4e79a7',
  description: 'Participants trust peers.',
  keywords: ['trust', 'tillit'],
  position: 2,
  highlightCount: 3,
  ...over,
});

describe('undoing a codebook change', () => {
  it('puts back exactly the fields the change set', () => {
    expect(undoPatch(code(), { name: 'Tillit' })).toEqual({ name: 'Trust' });
    expect(undoPatch(code(), { color: '#E15759' })).toEqual({ color: '#4E79A7' });
    expect(undoPatch(code(), { description: 'x', keywords: [] })).toEqual({
      description: 'Participants trust peers.',
      keywords: ['trust', 'tillit'],
    });
  });

  it('returns a moved code to its old parent and place among its siblings', () => {
    expect(undoPatch(code(), { parentId: null })).toEqual({ parentId: 't1', position: 2 });
    expect(undoPatch(code(), { position: 1 })).toEqual({ position: 2 });
  });

  it('says what was done in the toast’s words', () => {
    const theme = code({ id: 't2', parentId: null, name: 'Relationships' });
    expect(describeChange(code(), { name: ' Tillit ' }, [])).toBe('Renamed “Trust” to “Tillit”');
    expect(describeChange(code(), { parentId: 't2' }, [theme])).toBe(
      'Moved “Trust” under “Relationships”',
    );
    expect(describeChange(code(), { parentId: null }, [])).toBe('Moved “Trust” to the top level');
    expect(describeChange(code(), { position: 1 }, [])).toBe('Moved “Trust” up');
    expect(describeChange(code(), { color: '#000000' }, [])).toBe('Recoloured “Trust”');
    expect(describeChange(code(), { description: '' }, [])).toBe(
      'Edited the definition of “Trust”',
    );
  });
});
