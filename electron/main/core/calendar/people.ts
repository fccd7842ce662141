// Runs in Node (main and preview). Who is in a calendar meeting, and what that says about it: the attendees' emails,
// whether the meeting is internal (everyone on the rep's own domains — not gated by the wrap-up unless the rep asks),
// and which prospect account the external people belong to (so a new meeting lands on the right deal thread).

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Addresses that are rooms, resources or shared calendars, not people (Google adds rooms as attendees). */
const NOT_A_PERSON = /@(resource|group)\.calendar\.google\.com$|@group\.v\.calendar\.google\.com$/;

/** "mailto:Dana@Acme.com" -> "dana@acme.com"; undefined when it is not an email address. */
export function emailOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const email = address.trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return EMAIL.test(email) && !NOT_A_PERSON.test(email) && email.length <= 200 ? email : undefined;
}

export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Internal when everyone in it is on one of the rep's own domains. A block with nobody but its organizer in it
 * ("Focus time", "Lunch") is internal too — it is not a sales call and must never raise a wrap-up — unless the
 * organizer is known to be outside (an invite from a prospect that lists no attendees).
 */
export function isInternal(
  people: { organizer?: string | undefined; attendees: readonly string[] },
  ownDomains: readonly string[],
): boolean {
  const own = new Set(ownDomains.map((d) => d.toLowerCase()));
  const ownEmail = (email: string) => own.has(domainOf(email));
  const { organizer } = people;
  const others = people.attendees.filter((email) => email !== organizer);
  if (others.length === 0) return !organizer || own.size === 0 || ownEmail(organizer);
  return [...others, ...(organizer ? [organizer] : [])].every(ownEmail);
}

/** Free mail providers: an address there says nothing about which company the person works for. */
const PUBLIC_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de',
  'mail.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'zoho.com', 'fastmail.com', 'hey.com',
]);

export const isCompanyDomain = (domain: string) => !PUBLIC_MAIL.has(domain.toLowerCase());

/** Second-level labels under which companies register ("acme.co.uk", "acme.com.au"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ltd', 'plc', 'or', 'ne', 'gv']);

/** "mail.acme-logistics.co.uk" -> "Acme-logistics": the company's name as the domain spells it. */
export function accountNameOf(domain: string): string {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  const last = labels.length - 1;
  const sld = last >= 2 && labels[last]!.length === 2 && SECOND_LEVEL.has(labels[last - 1]!) ? last - 2 : last - 1;
  const name = labels[Math.max(0, sld)] ?? domain;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
