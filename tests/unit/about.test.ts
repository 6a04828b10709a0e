import { describeAbout } from '../../src/core/about';
import { ADDON_MENU } from '../../src/core/menu';
import { CASEBOOK_VERSION } from '../../src/core/version';

describe('describeAbout', () => {
  test('names the signed-in user', () => {
    const info = describeAbout({
      version: '1.2.3',
      spreadsheetName: 'EU tracker',
      activeUserEmail: 'ana@example.com',
      automationLine: 'Automation is on for you.',
      cellsLine: "Uses 52,000 of Google's 10,000,000 cells per spreadsheet (0%).",
    });
    expect(info).toEqual({
      version: '1.2.3',
      spreadsheetName: 'EU tracker',
      userEmail: 'ana@example.com',
      userLine: 'Signed in as ana@example.com',
      automation: 'Automation is on for you.',
      cells: "Uses 52,000 of Google's 10,000,000 cells per spreadsheet (0%).",
    });
  });

  test('explains a hidden user instead of showing a blank', () => {
    const info = describeAbout({
      version: '1.2.3',
      spreadsheetName: 'EU tracker',
      activeUserEmail: '  ',
      automationLine: '',
      cellsLine: '',
    });
    expect(info.userEmail).toBeNull();
    expect(info.userLine).toMatch(/does not share your email/);
  });
});

describe('the add-on menu', () => {
  test('offers About Casebook, calling showAboutSidebar', () => {
    expect(ADDON_MENU).toContainEqual({ caption: 'About Casebook', functionName: 'showAboutSidebar' });
  });

  test('names only public functions (Apps Script cannot call names ending in _ from a menu)', () => {
    for (const entry of ADDON_MENU) {
      if (entry !== 'separator') expect(entry.functionName).toMatch(/^[A-Za-z]\w*[^_]$/);
    }
  });
});

test('unbuilt source reports the dev version (the build injects the real one)', () => {
  expect(CASEBOOK_VERSION).toBe('dev');
});
