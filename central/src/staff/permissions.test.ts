import { describe, expect, it } from 'vitest';
import { assertCan, assertSecondPerson } from './permissions';

const TWO_PERSON_RULE = expect.objectContaining({ code: 'two_person_rule', status: 403 });

describe('two people publish', () => {
  it('lets anyone but the one who staged a change approve it, as an ordinary approval', () => {
    expect(assertSecondPerson({ username: 'shenhe', role: 'reviewer' }, 'minzheng', undefined)).toEqual({ isAlone: false });
    expect(assertSecondPerson({ username: 'admin2', role: 'admin' }, 'admin', undefined)).toEqual({ isAlone: false });
  });

  it('refuses the one who staged a change, whatever their role and reason, unless they are an admin giving a reason', () => {
    expect(() => assertSecondPerson({ username: 'shenhe', role: 'reviewer' }, 'shenhe', '急需发布')).toThrow(TWO_PERSON_RULE);
    expect(() => assertSecondPerson({ username: 'admin', role: 'admin' }, 'admin', undefined)).toThrow(TWO_PERSON_RULE);
    expect(assertSecondPerson({ username: 'admin', role: 'admin' }, 'admin', '审核员病假')).toEqual({ isAlone: true });
  });
});

describe('permissions', () => {
  it('refuses a role without the permission with missing_permission, and lets one with it through', () => {
    expect(() => assertCan({ role: 'viewer' }, 'staff:manage')).toThrow(expect.objectContaining({ code: 'missing_permission', status: 403 }));
    expect(() => assertCan({ role: 'admin' }, 'staff:manage')).not.toThrow();
  });
});
