import { describe, expect, it } from 'vitest';
import { ROLES } from '@kodbok/contracts';
import { can, type Action } from './policy';

// The server's table (apps/api/src/services/access.ts), written out: a change on either side
// that the other misses fails here. Columns: owner, supervisor, coder, viewer.
const TABLE: Record<Action, [boolean, boolean, boolean, boolean]> = {
  read: [true, true, true, true],
  code: [true, true, true, false],
  editCodebook: [true, true, false, false],
  manageStudies: [true, true, false, false],
  manageMembers: [true, true, false, false],
  editOthersHighlights: [true, true, false, false],
  superviseCoding: [true, true, false, false],
  manageProject: [true, false, false, false],
  viewActivity: [true, false, false, false],
};

describe('can', () => {
  it('follows the server’s table for every role and action', () => {
    expect(ROLES).toEqual(['owner', 'supervisor', 'coder', 'viewer']);
    for (const [action, row] of Object.entries(TABLE) as Array<[Action, boolean[]]>) {
      for (const [i, role] of ROLES.entries()) {
        expect(can(role, action, { coderCanEditCodebook: false }), `${role} ${action}`).toBe(
          row[i],
        );
      }
    }
  });

  it('lets coders change the codebook only where the project allows it; never viewers', () => {
    expect(can('coder', 'editCodebook', { coderCanEditCodebook: true })).toBe(true);
    expect(can('coder', 'editCodebook', { coderCanEditCodebook: false })).toBe(false);
    expect(can('coder', 'editCodebook')).toBe(false);
    expect(can('viewer', 'editCodebook', { coderCanEditCodebook: true })).toBe(false);
    // The setting gives coders the codebook, nothing else.
    expect(can('coder', 'manageStudies', { coderCanEditCodebook: true })).toBe(false);
  });

  it('allows nothing while the role is unknown', () => {
    expect(can(undefined, 'read')).toBe(false);
    expect(can(undefined, 'code')).toBe(false);
  });
});
