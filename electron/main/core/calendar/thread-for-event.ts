// Runs in Node (main and preview), inside a store change. Which deal thread a newly imported calendar meeting
// belongs to. Every meeting needs one, and guessing well saves the rep a click on every call: a known contact's
// thread first, then a thread of the same company (by email domain or account name), else a new thread named after
// the company (or, when nobody in it is from a company — free mail, internal — after the event's title).
import type { StoreDocument, Thread } from '../../../../shared/domain';
import { accountNameOf, domainOf, isCompanyDomain } from './people';

const MAX_CONTACTS = 50;

export interface ThreadChoice {
  thread: Thread;
  created: boolean;
}

export function threadForEvent(
  doc: StoreDocument,
  event: { title: string; attendees: readonly string[] },
  options: { internal: boolean; nowIso: string; newId: () => string },
): ThreadChoice {
  const own = new Set(doc.settings.ownDomains);
  const external = options.internal ? [] : event.attendees.filter((email) => !own.has(domainOf(email)));
  const open = doc.threads.filter((t) => t.status === 'open');
  const companyDomains = [...new Set(external.map(domainOf).filter(isCompanyDomain))];

  const byContact = open.find((t) => t.contacts.some((c) => external.includes(c.toLowerCase())));
  const byCompany = open.find((t) =>
    companyDomains.some(
      (domain) =>
        t.contacts.some((c) => domainOf(c.toLowerCase()) === domain) ||
        sameName(t.account, accountNameOf(domain)) ||
        sameName(t.account, domain),
    ),
  );
  const byTitle = external.length === 0 ? open.find((t) => sameName(t.title, event.title)) : undefined;
  const found = byContact ?? byCompany ?? byTitle;
  if (found) {
    addContacts(found, external);
    return { thread: found, created: false };
  }

  const account = (companyDomains[0] ? accountNameOf(companyDomains[0]) : event.title).slice(0, 200);
  const thread: Thread = {
    id: options.newId(),
    title: account,
    account,
    contacts: external.slice(0, MAX_CONTACTS),
    status: 'open',
    createdAt: options.nowIso,
    notes: '',
  };
  return { thread, created: true };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function addContacts(thread: Thread, emails: readonly string[]): void {
  const known = new Set(thread.contacts.map((c) => c.toLowerCase()));
  for (const email of emails) {
    if (thread.contacts.length >= MAX_CONTACTS) return;
    if (!known.has(email)) thread.contacts.push(email);
    known.add(email);
  }
}
