import { describe, expect, it } from 'vitest';
import { ACTIVITY_ACTIONS, type Activity } from '@kodbok/contracts';
import { activityText } from './activity-text';

const entry = (over: Partial<Activity>): Activity => ({
  id: '1',
  action: 'code.created',
  actorName: 'Olivia',
  subject: 'Stigma',
  detail: null,
  createdAt: '2026-11-29T06:00:00.000Z',
  ...over,
});

describe('activityText', () => {
  it('words every action the server records', () => {
    for (const action of ACTIVITY_ACTIONS)
      expect(activityText(entry({ action })).verb, action).toMatch(/\w/);
  });

  it('keeps the subject and detail as they are, and names a gone author "Someone"', () => {
    const text = activityText(
      entry({ action: 'code.updated', actorName: null, detail: 'renamed from “<b>”' }),
    );
    expect(text).toEqual({
      actor: 'Someone',
      verb: 'changed the code',
      subject: 'Stigma',
      detail: 'renamed from “<b>”',
    });
  });
});
