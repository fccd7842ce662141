// Runs in Node (main and preview), inside a store change. Which deal thread a newly imported calendar meeting
// belongs to. Every meeting needs one, and guessing well saves the rep a click on every call: a known contact's
// thread first, then a thread of the same company (by email domain or account name), else a new thread named after
// the company (or, when nobody in it is from a company — free mail, internal — after the event's title).
// Open threads are indexed once per sync, so importing a thousand events into years of history stays fast.
import type { StoreDocument, Thread } from '../../../../shared/domain';
import { accountNameOf, domainOf, isCompanyDomain } from './people';

const MAX_CONTACTS = 50;

export interface ThreadChoice {
  thread: Thread;
  created: boolean;
}

export interface ThreadMatcher {
  /** The thread for an event; a new one (not yet in the store) when none fits. */
  choose(event: { title: string; attendees: readonly string[] }, internal: boolean): ThreadChoice;
  /** Call once a new thread is in the store, so the next events find it. */
  adopt(thread: Thread): void;
}

const nameKey = (name: string) => name.trim().toLowerCase();

export function threadMatcher(doc: StoreDocument, options: { nowIso: string; newId: () => string }): ThreadMatcher {
  const own = new Set(doc.settings.ownDomains);
  const byContact = new Map<string, Thread>();
  const byDomain = new Map<string, Thread>();
  const byAccount = new Map<string, Thread>();
  const byTitle = new Map<string, Thread>();
  const first = <K>(map: Map<K, Thread>, key: K, thread: Thread) => {
    if (!map.has(key)) map.set(key, thread);
  };
  const adopt = (thread: Thread) => {
    if (thread.status !== 'open') return;
    for (const contact of thread.contacts.map((c) => c.toLowerCase())) {
      first(byContact, contact, thread);
      first(byDomain, domainOf(contact), thread);
    }
    first(byAccount, nameKey(thread.account), thread);
    first(byTitle, nameKey(thread.title), thread);
  };
  doc.threads.forEach(adopt);

  return {
    adopt,
    choose(event, internal) {
      const external = internal ? [] : event.attendees.filter((email) => !own.has(domainOf(email)));
      const companies = [...new Set(external.map(domainOf).filter(isCompanyDomain))];
      const found =
        external.map((email) => byContact.get(email)).find(Boolean) ??
        companies
          .map((d) => byDomain.get(d) ?? byAccount.get(nameKey(accountNameOf(d))) ?? byAccount.get(nameKey(d)))
          .find(Boolean) ??
        (external.length === 0 ? byTitle.get(nameKey(event.title)) : undefined);
      if (found) {
        for (const email of addContacts(found, external)) {
          first(byContact, email, found);
          first(byDomain, domainOf(email), found);
        }
        return { thread: found, created: false };
      }
      const account = (companies[0] ? accountNameOf(companies[0]) : event.title).slice(0, 200);
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
    },
  };
}

/** Adds the emails the thread does not list yet (up to its limit); returns those added. */
function addContacts(thread: Thread, emails: readonly string[]): string[] {
  const known = new Set(thread.contacts.map((c) => c.toLowerCase()));
  const added = emails.filter((email) => !known.has(email) && known.add(email)).slice(0, MAX_CONTACTS - thread.contacts.length);
  thread.contacts.push(...added);
  return added;
}
