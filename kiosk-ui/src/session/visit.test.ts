import type { ComplaintSubject, PaymentsLookupResult } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { publicSpeech } from '../speech/screen-speech';
import { EMPTY_SESSION } from './session';
import { FIRST_VISIT, visitReducer, type VisitAction, type VisitState } from './visit';

const RESULT: PaymentsLookupResult = {
  person: { name: '张秀英', maskedId: '110105********0021', villageName: '东村' },
  payments: [],
  totals: { byProgram: [], totalFen: 0 },
  message: null,
};
const SUBJECT: ComplaintSubject = { kind: 'payment', id: 'p1', title: '最低生活保障 2025年10月' };

function run(actions: VisitAction[], from: VisitState = FIRST_VISIT): VisitState {
  return actions.reduce(visitReducer, from);
}

/** Villager A: looks up payments, opens 对此有疑问 on one, the screen says their name. */
function villagerA(): VisitState {
  const visit = FIRST_VISIT.visit;
  return run([
    { type: 'push', screen: 'payments' },
    { type: 'update', visit, patch: { payments: { idNumber: '110105194912310021', result: RESULT } } },
    { type: 'start-complaint', visit, subject: SUBJECT },
    { type: 'speech', visit, speech: publicSpeech('张秀英，您一共有…') },
  ]);
}

describe('a villager\'s visit', () => {
  it('holds the lookup, the subject and the speech while the villager moves between screens', () => {
    const a = run([{ type: 'back' }], villagerA());
    expect(a.stack).toEqual(['home', 'payments']);
    expect(a.data.payments?.result.person?.name).toBe('张秀英');
    expect(a.data.complaintSubject).toEqual(SUBJECT);
    expect(a.visit).toBe(FIRST_VISIT.visit);
  });

  it.each<[string, VisitAction[]]>([
    ['首页', [{ type: 'end-visit' }]],
    ['返回 to home', [{ type: 'back' }, { type: 'back' }]],
    ['办完了', [{ type: 'end-visit' }]],
  ])('ends when the villager arrives home by %s: nothing of theirs is left', (_path, actions) => {
    const b = run(actions, villagerA());
    expect(b.stack).toEqual(['home']);
    expect(b.data).toEqual(EMPTY_SESSION);
    expect(b.speech).toEqual({ onArrival: '', onRequest: '' });
    expect(b.visit).toBe(FIRST_VISIT.visit + 1);
  });

  it('drops a lookup answered after the villager left', () => {
    const late: VisitAction = {
      type: 'update',
      visit: FIRST_VISIT.visit,
      patch: { payments: { idNumber: '110105194912310021', result: RESULT } },
    };
    const b = run([{ type: 'push', screen: 'payments' }, { type: 'end-visit' }, { type: 'push', screen: 'payments' }, late]);
    expect(b.data.payments).toBeNull();
  });

  it('drops 对此有疑问 and speech sent by a screen of an ended visit', () => {
    const ended = run([{ type: 'end-visit' }], villagerA());
    const b = run(
      [
        { type: 'start-complaint', visit: FIRST_VISIT.visit, subject: SUBJECT },
        { type: 'speech', visit: FIRST_VISIT.visit, speech: publicSpeech('张秀英') },
      ],
      ended,
    );
    expect(b).toBe(ended);
  });

  it('opens the same screen once for a double tap', () => {
    expect(run([{ type: 'push', screen: 'ticket' }, { type: 'push', screen: 'ticket' }]).stack).toEqual(['home', 'ticket']);
  });
});
