// Runs in Node (main and preview). node-ical already maps Windows zone ids ("W. Europe Standard Time") and most of
// Outlook's display labels ("(UTC+01:00) Amsterdam, Berlin, …") to IANA zones. A few labels that current Outlook
// versions write are missing from its table; for those it falls back to a FIXED offset, which puts every summer
// meeting an hour off. This table names them, and `fixZoneLabels` rewrites them in a line before node-ical sees it.

/** Outlook display labels (lower-cased, offset prefix removed) that node-ical 0.26 does not know. */
const MISSING_LABELS: Record<string, string> = {
  'pacific time (us & canada)': 'America/Los_Angeles',
  'pacific time (us and canada)': 'America/Los_Angeles',
  'baja california': 'America/Tijuana',
};

const labelKey = (label: string) =>
  label
    .replace(/^\((?:utc|gmt)[^)]*\)\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The IANA zone for an Outlook label node-ical would get wrong, else undefined. */
const zoneForLabel = (label: string): string | undefined => MISSING_LABELS[labelKey(label)];

/** Rewrites `TZID=<label>` parameters and `TZID:<label>` lines whose label is in the table. */
export function fixZoneLabels(line: string): string {
  if (!line.includes('TZID')) return line;
  return line
    .replace(/(TZID=)(?:"([^"]*)"|([^;:]*))/gi, (whole, prefix: string, quoted?: string, bare?: string) => {
      const zone = zoneForLabel(quoted ?? bare ?? '');
      return zone ? `${prefix}${zone}` : whole;
    })
    .replace(/^(TZID(?:;[^:]*)?:)(.*)$/i, (whole, prefix: string, label: string) => {
      const zone = zoneForLabel(label);
      return zone ? `${prefix}${zone}` : whole;
    });
}
