/**
 * The cases linked to one case, both ways: those it names (related, duplicate of) and those naming it.
 * Pure: the server passes the library rows it read.
 */
import { type HeaderOf, headerOf } from '../schema/case-schema';

export type LinkRelation = 'Related' | HeaderOf<'duplicateOf'> | 'Duplicated by';

export interface LinkedCase {
  caseId: string;
  relation: LinkRelation;
  row: number;
  status: string;
  policy: string;
}

export interface LinkableCase {
  caseId: string;
  relatedCases: string;
  duplicateOf: string;
  status: string;
  policy: string;
  row: number;
}

const ids = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

export function linkedCases(caseId: string, library: readonly LinkableCase[]): LinkedCase[] {
  const byId = new Map(library.map((c) => [c.caseId, c]));
  const self = byId.get(caseId);
  const links = new Map<string, LinkRelation>();
  if (self) {
    for (const id of ids(self.relatedCases)) links.set(id, 'Related');
    for (const id of ids(self.duplicateOf)) links.set(id, headerOf('duplicateOf'));
  }
  for (const other of library) {
    if (other.caseId === caseId || links.has(other.caseId)) continue;
    if (ids(other.duplicateOf).includes(caseId)) links.set(other.caseId, 'Duplicated by');
    else if (ids(other.relatedCases).includes(caseId)) links.set(other.caseId, 'Related');
  }
  return [...links].map(([id, relation]) => {
    const known = byId.get(id);
    return {
      caseId: id,
      relation,
      row: known?.row ?? 0,
      status: known?.status ?? 'Not in the library',
      policy: known?.policy ?? '',
    };
  });
}
