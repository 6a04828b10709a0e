/**
 * How Casebook's words for a case map onto the Transparency Database's keys: source type, content type and
 * automation labels, and the split of the old single detection-source column (detectionSource) into source type and
 * automated detection (the Database keeps them apart: an automated flag raised on a user report is a notice
 * with automated detection). Set up tracker records this mapping when it migrates a tracker.
 */
import type { FIXED_LISTS } from '../schema/case-schema';

type SourceLabel = (typeof FIXED_LISTS.sourceTypes)[number];
type ContentLabel = (typeof FIXED_LISTS.contentTypes)[number];

export const SOURCE_TYPE_KEYS: Record<SourceLabel, string> = {
  'Notice (Art. 16)': 'SOURCE_ARTICLE_16',
  'Trusted flagger': 'SOURCE_TRUSTED_FLAGGER',
  'Other notification': 'SOURCE_TYPE_OTHER_NOTIFICATION',
  'Own initiative': 'SOURCE_VOLUNTARY',
};

export const CONTENT_TYPE_KEYS: Record<ContentLabel, string> = {
  Video: 'CONTENT_TYPE_VIDEO',
  Product: 'CONTENT_TYPE_PRODUCT',
  Image: 'CONTENT_TYPE_IMAGE',
  Text: 'CONTENT_TYPE_TEXT',
  Audio: 'CONTENT_TYPE_AUDIO',
  'Synthetic media': 'CONTENT_TYPE_SYNTHETIC_MEDIA',
  App: 'CONTENT_TYPE_APP',
  Other: 'CONTENT_TYPE_OTHER',
};

export const AUTOMATED_DECISION_KEYS: Record<(typeof FIXED_LISTS.automatedDecisions)[number], string> = {
  'Fully automated': 'AUTOMATED_DECISION_FULLY',
  'Partially automated': 'AUTOMATED_DECISION_PARTIALLY',
  'Not automated': 'AUTOMATED_DECISION_NOT_AUTOMATED',
};

/** Old detectionSource value -> the two fields that replace it. */
export const DETECTION_SPLIT: Record<
  (typeof FIXED_LISTS.detectionSources)[number],
  { sourceType: SourceLabel; automatedDetection: 'Yes' | 'No' }
> = {
  Automated: { sourceType: 'Own initiative', automatedDetection: 'Yes' },
  'Human review': { sourceType: 'Own initiative', automatedDetection: 'No' },
  'User report': { sourceType: 'Notice (Art. 16)', automatedDetection: 'No' },
  'Trusted flagger': { sourceType: 'Trusted flagger', automatedDetection: 'No' },
};

export function splitDetectionSource(
  value: string,
): { sourceType: SourceLabel; automatedDetection: 'Yes' | 'No' } | null {
  return (
    (DETECTION_SPLIT as Record<string, { sourceType: SourceLabel; automatedDetection: 'Yes' | 'No' }>)[
      value
    ] ?? null
  );
}

/** The mapping as text, for the migration record on the Settings/audit trail. */
export function describeDetectionSplit(): string {
  return Object.entries(DETECTION_SPLIT)
    .map(([from, to]) => `${from} -> ${to.sourceType}, automated detection ${to.automatedDetection}`)
    .join('; ');
}
