import { describe, expect, it } from 'vitest';
import type { Code } from '@kodbok/contracts';
import { pickerCommand, type PickerKey, type PickerState } from './picker-keys';
import { pickerOptions } from './picker-options';

const code = (id: string, name: string): Code => ({
  id,
  projectId: 'p',
  parentId: null,
  name,
  color: '#4E79A7',
  description: '',
  keywords: [],
  position: 0,
  highlightCount: 0,
});
// Listed by name: Funding, Role clarity, Stigma.
const codes = [code('s', 'Stigma'), code('f', 'Funding'), code('r', 'Role clarity')];
const key = (k: string, mods: Partial<PickerKey> = {}): PickerKey => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const state = (query: string, checked: string[] = [], activeIndex = 0): PickerState => ({
  query,
  options: pickerOptions(codes, query, [], 'peers said'),
  activeIndex,
  checked,
});

describe('pickerCommand: ticking several codes', () => {
  it('Space ticks the active code while the filter is empty', () => {
    expect(pickerCommand(key(' '), state(''))).toEqual({
      kind: 'toggle',
      codeId: 'f',
      clearQuery: false,
    });
  });

  it('Space types once a filter is typed: code names have spaces', () => {
    expect(pickerCommand(key(' '), state('role'))).toBeNull();
  });

  it.each([
    ['Ctrl+Enter', key('Enter', { ctrlKey: true })],
    ['⌘+Enter', key('Enter', { metaKey: true })],
    ['Ctrl+Space', key(' ', { ctrlKey: true })],
  ])('%s ticks the code found by typing, and clears the filter for the next', (_name, k) => {
    expect(pickerCommand(k, state('fund'))).toEqual({
      kind: 'toggle',
      codeId: 'f',
      clearQuery: true,
    });
  });

  it('Enter applies the ticked codes and the one just typed, each once', () => {
    expect(pickerCommand(key('Enter'), state('fund', ['s']))).toEqual({
      kind: 'apply',
      codeIds: ['s', 'f'],
    });
    expect(pickerCommand(key('Enter'), state('stig', ['s', 'f']))).toEqual({
      kind: 'apply',
      codeIds: ['f', 's'],
    });
  });

  it('Enter with an empty filter applies just the ticked codes, not the row under the cursor', () => {
    expect(pickerCommand(key('Enter'), state('', ['s', 'r'], 0))).toEqual({
      kind: 'apply',
      codeIds: ['s', 'r'],
    });
  });

  it('Enter on "Create code" creates it and applies it with the ticked codes', () => {
    const s = state('Identity', ['s']);
    const create = s.options.findIndex((o) => o.kind === 'create');
    expect(pickerCommand(key('Enter'), { ...s, activeIndex: create })).toEqual({
      kind: 'create',
      name: 'Identity',
      codeIds: ['s'],
    });
  });
});

describe('pickerCommand: one code', () => {
  it('Enter applies the active code; digits apply the nth while the filter is empty', () => {
    expect(pickerCommand(key('Enter'), state('role'))).toEqual({ kind: 'apply', codeIds: ['r'] });
    expect(pickerCommand(key('2'), state(''))).toEqual({ kind: 'apply', codeIds: ['r'] });
    expect(pickerCommand(key('2'), state('a'))).toBeNull();
    expect(pickerCommand(key('9'), state(''))).toBeNull();
  });

  it('arrows move, Escape closes, other keys type', () => {
    expect(pickerCommand(key('ArrowUp'), state(''))).toEqual({ kind: 'move', step: -1 });
    expect(pickerCommand(key('Escape'), state('x'))).toEqual({ kind: 'close' });
    expect(pickerCommand(key('a'), state(''))).toBeNull();
    expect(pickerCommand(key('Enter', { ctrlKey: true }), state('Identity', [], 0))).toBeNull();
  });
});

describe('pickerOptions for a member who may not change the codebook', () => {
  it('offers the matching codes only: no "Create code", no in-vivo code', () => {
    const offered = (canCreate: boolean) =>
      pickerOptions(codes, 'stig', [], 'peers said', canCreate).map((o) => o.kind);
    expect(offered(true)).toEqual(['code', 'create', 'invivo']);
    expect(offered(false)).toEqual(['code']);
    expect(pickerOptions(codes, 'Teams', [], 'peers said', false)).toEqual([]);
  });
});
