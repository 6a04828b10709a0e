/** When a tab holding the owner's settings can be trusted (core/tracker/privileged-settings). */
import { emailList, protectionProblem } from '../../src/core/tracker/privileged-settings';

const OWNER = 'owner@governance.example';
const ADMIN = 'admin@governance.example';
const kept = { warningOnly: false, unprotectedRanges: 0, domainEdit: false, editors: [OWNER, ADMIN] };

describe('protectionProblem', () => {
  test('trusts a blocking protection kept by the owners and named admins only', () => {
    expect(protectionProblem('Settings', kept, [OWNER, ADMIN])).toBe('');
    expect(protectionProblem('Settings', { ...kept, editors: ['Owner@Governance.example'] }, [OWNER])).toBe(
      '',
    );
    // Read by someone it keeps out (who may not list its editors): they could not have written it.
    expect(protectionProblem('Settings', { ...kept, editors: null }, [OWNER])).toBe('');
  });

  test('names every way the protection falls short', () => {
    expect(protectionProblem('Settings', null, [OWNER])).toBe('the Settings tab is not protected');
    expect(protectionProblem('Lists', { ...kept, warningOnly: true }, [OWNER, ADMIN])).toBe(
      "the Lists tab's protection only warns",
    );
    expect(protectionProblem('Settings', { ...kept, unprotectedRanges: 1 }, [OWNER, ADMIN])).toBe(
      'part of the Settings tab is left unprotected',
    );
    expect(protectionProblem('Settings', { ...kept, domainEdit: true }, [OWNER, ADMIN])).toBe(
      'everyone in the domain may edit the Settings tab',
    );
    expect(protectionProblem('Settings', kept, [OWNER])).toBe(
      'admin@governance.example may edit the Settings tab but is not the owner or a named admin',
    );
  });
});

test('emailList reads messy lists: separators, case, repeats, non-addresses dropped', () => {
  expect(emailList(' A@x.eu; b@x.eu,a@x.eu  Müller n/a ')).toEqual(['a@x.eu', 'b@x.eu']);
  expect(emailList('')).toEqual([]);
});
