// Runs in Node (main and preview). Finds the link that joins the call — Zoom, Google Meet, Microsoft Teams or Webex —
// in an event's fields. Calendars put it in different places (Google: X-GOOGLE-CONFERENCE and the description; Outlook:
// X-MICROSOFT-SKYPETEAMSMEETINGURL or a <https://teams…> in the description; Zoom's plug-in: LOCATION), so the
// caller passes every field in order of trust. Only https links are taken: the overlay opens them with one click.

const VIDEO_HOSTS: readonly RegExp[] = [
  /(^|\.)zoom\.us$/, // us02web.zoom.us/j/…, company.zoom.us/my/…
  /(^|\.)zoomgov\.com$/,
  /^meet\.google\.com$/,
  /^teams\.microsoft\.com$/,
  /^teams\.live\.com$/,
  /(^|\.)webex\.com$/,
];

const CANDIDATE = /https:\/\/[^\s<>"'\\]+/gi;
/** Punctuation that ends a sentence or closes brackets around a link, never part of it. */
const TRAILING = /[).,;:!?\]}>*]+$/;

function asJoinLink(candidate: string): string | undefined {
  const cleaned = candidate.replace(TRAILING, '');
  if (!URL.canParse(cleaned)) return undefined;
  const url = new URL(cleaned);
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase();
  if (!VIDEO_HOSTS.some((pattern) => pattern.test(host))) return undefined;
  // A bare home page ("https://zoom.us") is not a meeting.
  if (url.pathname === '/' && !url.search) return undefined;
  return url.href;
}

/** The first video-call link in the fields, checked in the order given. */
export function findJoinLink(fields: readonly (string | undefined)[]): string | undefined {
  for (const field of fields) {
    if (!field) continue;
    for (const match of field.matchAll(CANDIDATE)) {
      const link = asJoinLink(match[0]);
      if (link) return link;
    }
  }
  return undefined;
}
