/**
 * The settings schema: every row of the Settings tab, by key, with its label (the tab's first column),
 * default, help text and who may change it. Set up tracker writes the rows from here and every reader
 * asks here for a setting's label, so a setting is named once.
 */

/**
 * Who may change a setting so that Casebook uses it. 'ownerOrAdmin': it grants something (mail, a folder,
 * SLA decisions, admin rights), so the owner's runs use it only while the Settings tab is kept by the
 * owner and the named admins. 'anyone': it grants nothing and is used whoever wrote it.
 */
export type SettingChangedBy = 'ownerOrAdmin' | 'anyone';

export interface SettingDefinition {
  key: string;
  label: string;
  default: string;
  help: string;
  changedBy: SettingChangedBy;
}

export const SETTINGS = [
  {
    key: 'dateOrder',
    label: 'Date order',
    default: 'DMY',
    help: 'How numeric dates like 03/11/2026 are read: DMY (day first) or MDY.',
    changedBy: 'anyone',
  },
  {
    key: 'duplicateWindowDays',
    label: 'Duplicate window (days)',
    default: '14',
    help: 'Same seller and policy within this many days counts as a possible duplicate.',
    changedBy: 'anyone',
  },
  {
    key: 'reportDay',
    label: 'Weekly report day',
    default: 'MONDAY',
    help: 'Day the weekly summary Doc is generated.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'reportHour',
    label: 'Weekly report hour',
    default: '7',
    help: "Hour (0-23, the tracker's time zone) the weekly summary is generated.",
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'reportFolderId',
    label: 'Report folder ID',
    default: '',
    help: 'Drive folder for weekly summary Docs (blank: your Drive root).',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'managers',
    label: 'Managers',
    default: '',
    help: 'Emails (comma-separated) that receive the weekly summary link.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'personalDataInReports',
    label: 'Personal data in reports',
    default: 'No',
    help: 'Yes to include shop names and owners in generated Docs.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'slaTargets',
    label: 'SLA targets',
    default: 'P1: 4h; P2: 1d; P3: 3d; P4: 5d',
    help: 'Working time a case may take by severity, e.g. P1: 4h (h = working hours, d = working days). Add a team override like P1/Algorithm: 8h.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'timeZone',
    label: 'Time zone',
    default: '',
    help: "Time zone of the working calendar, e.g. Europe/Berlin (blank: the spreadsheet's).",
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'workingDays',
    label: 'Working days',
    default: 'Mon-Fri',
    help: 'Days the SLA clock runs, e.g. Mon-Fri or Mon,Tue,Wed,Thu.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'workingHours',
    label: 'Working hours',
    default: '09:00-18:00',
    help: 'Hours the SLA clock runs on working days.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'holidays',
    label: 'Holidays',
    default: '',
    help: 'Dates the SLA clock stops, YYYY-MM-DD, comma-separated.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'dueSoonPercent',
    label: 'Due soon at (%)',
    default: '75',
    help: 'Share of the SLA target after which a case is due soon and its owner is told.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'teamLead',
    label: 'Team lead',
    default: '',
    help: 'Email that receives breach notices (and due-soon notices of owners not listed below).',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'teamMembers',
    label: 'Team members',
    default: '',
    help: 'Emails (comma-separated) of case owners who receive due-soon notices.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'admins',
    label: 'Admins',
    default: '',
    help: 'Emails (comma-separated) of people the owner lets change Settings and Lists and turn on automation; run Set up tracker after changing it.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'claimExpiryHours',
    label: 'Claim expiry (hours)',
    default: '4',
    help: 'A case claimed with Claim next returns to the queue when nobody changed it for this many hours.',
    changedBy: 'ownerOrAdmin',
  },
  {
    key: 'archiveAfterDays',
    label: 'Archive closed cases after (days)',
    default: '',
    help: 'Closed cases closed longer ago than this move, hourly, to a read-only archive spreadsheet per year in the report folder (blank: never).',
    changedBy: 'ownerOrAdmin',
  },
] as const satisfies readonly SettingDefinition[];

export type SettingKey = (typeof SETTINGS)[number]['key'];

export function settingByKey(key: SettingKey): SettingDefinition {
  const setting = SETTINGS.find((s) => s.key === key);
  if (!setting) throw new Error(`unknown setting ${key}`);
  return setting;
}

/** A setting's label: its row on the Settings tab and the name people see in messages. */
export function settingLabel(key: SettingKey): string {
  return settingByKey(key).label;
}

export function settingDefault(key: SettingKey): string {
  return settingByKey(key).default;
}
