/** What the intake form needs when it opens, in one call: the Lists tab's values and the tracker's settings. */
import { activeSpreadsheet } from '../adapters/context';
import { type IntakeContext, readIntakeContext } from '../adapters/intake-context';
import { showSidebar } from '../adapters/ui';

/** What the intake form needs, JSON-safe (the bridge refuses anything else). */
export interface IntakeOptions extends IntakeContext {
  trackerName: string;
}

export function showIntakeSidebar(): void {
  showSidebar('intake', 'New case');
}

export function getIntakeOptions(): IntakeOptions {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return { ...readIntakeContext(ss), trackerName: ss.getName() };
}
