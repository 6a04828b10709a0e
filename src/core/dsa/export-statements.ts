/**
 * Statements of reasons as files: JSON batches of at most 100 in the API's envelope ({"statements":[...]},
 * what POST /api/v1/statements takes) and a CSV in the column order of the Database's daily dump
 * (shared/reference/dsa-transparency-database.md), array fields as JSON strings and newlines as spaces.
 * Columns the Database fills (uuid, platform_uid, created_at) are blank until a statement is submitted.
 */
import type { DsaStatement } from './statement-rules';

export const API_BATCH_LIMIT = 100;

export const DUMP_COLUMNS = [
  'uuid',
  'decision_visibility',
  'decision_visibility_other',
  'end_date_visibility_restriction',
  'decision_monetary',
  'decision_monetary_other',
  'end_date_monetary_restriction',
  'decision_provision',
  'end_date_service_restriction',
  'decision_account',
  'end_date_account_restriction',
  'account_type',
  'decision_ground',
  'decision_ground_reference_url',
  'illegal_content_legal_ground',
  'illegal_content_explanation',
  'incompatible_content_ground',
  'incompatible_content_explanation',
  'incompatible_content_illegal',
  'category',
  'category_addition',
  'category_specification',
  'category_specification_other',
  'content_type',
  'content_type_other',
  'content_language',
  'content_date',
  'content_id_ean',
  'territorial_scope',
  'application_date',
  'decision_facts',
  'source_type',
  'source_identity',
  'automated_detection',
  'automated_decision',
  'platform_name',
  'platform_uid',
  'created_at',
] as const;

/** The statements in API envelopes of at most `size` (100, the API's limit), in order. */
export function batchEnvelopes(
  statements: readonly DsaStatement[],
  size = API_BATCH_LIMIT,
): { statements: DsaStatement[] }[] {
  if (!Number.isInteger(size) || size < 1 || size > API_BATCH_LIMIT)
    throw new Error(`a batch holds 1 to ${API_BATCH_LIMIT} statements, not ${size}`);
  const batches: { statements: DsaStatement[] }[] = [];
  for (let i = 0; i < statements.length; i += size)
    batches.push({ statements: statements.slice(i, i + size) });
  return batches;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  return /[",]/.test(flat) || flat !== flat.trim() ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** One statement as a dump row; `stored` adds what the Database gave it (uuid, created_at) once submitted. */
export function dumpRow(
  statement: DsaStatement,
  platformName: string,
  stored: { uuid?: string; createdAt?: string } = {},
): string[] {
  const ean = (statement.content_id as Record<string, unknown> | undefined)?.['EAN-13'];
  const values: Record<string, unknown> = {
    ...statement,
    uuid: stored.uuid ?? '',
    content_id_ean: ean ?? '',
    platform_name: platformName,
    platform_uid: '',
    created_at: stored.createdAt ?? '',
  };
  return DUMP_COLUMNS.map((column) => cell(values[column]));
}

export function statementsCsv(
  rows: readonly { statement: DsaStatement; uuid?: string; createdAt?: string }[],
  platformName: string,
): string {
  const lines = [DUMP_COLUMNS.join(','), ...rows.map((r) => dumpRow(r.statement, platformName, r).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
