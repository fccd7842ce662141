// Runs in Node (main and preview), while a sync is planned (never changing the store). Which deal thread a newly imported calendar meeting
// belongs to. Every meeting needs one, and guessing well saves the rep a click on every call: a known contact's
// thread first, then a thread of the same company (by email domain or account name), else a new thread named after
// the company (or, when nobody in it is from a company — free mail, internal — after the event's title).
// Open threads are indexed once per sync, so importing a thousand events into years of history stays fast. New
// contacts for a deal already in the store are collected (`addedContacts`) for the sync to add, never written here.
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
  /** Call once a new thread is chosen to be created, so the next events find it. */
  adopt(thread: Thread): void;
  /** The contacts the chosen events add to threads already in the store, per thread id. */
  addedContacts(): Map<string, string[]>;
}

const nameKey = (name: string) => name.trim().toLowerCase();

export function threadMatcher(doc: StoreDocument, options: { nowIso: string; newId: () => string }): ThreadMatcher {
  const own = new Set(doc.settings.ownDomains);
  const byContact = new Map<string, Thread>();
  const byDomain = new Map<string, Thread>();
  const byAccount = new Map<string, Thread>();
  const byTitle = new Map<string, Thread>();
  /** Threads this sync creates (plain objects of its own, not yet in the store): contacts go straight onto them. */
  const created = new Set<Thread>();
  /** Every thread's contacts as the chosen events leave them, lower-cased; and what was added to stored ones. */
  const contacts = new Map<string, Set<string>>();
  const added = new Map<string, string[]>();
  const first = <K>(map: Map<K, Thread>, key: K, thread: Thread) => {
    if (!map.has(key)) map.set(key, thread);
  };
  const index = (thread: Thread) => {
    if (thread.status !== 'open') return;
    for (const contact of thread.contacts.map((c) => c.toLowerCase())) {
      first(byContact, contact, thread);
      first(byDomain, domainOf(contact), thread);
    }
    first(byAccount, nameKey(thread.account), thread);
    first(byTitle, nameKey(thread.title), thread);
  };
  doc.threads.forEach(index);

  /** Adds the emails the thread does not list yet (up to its limit); returns those added. */
  const addContacts = (thread: Thread, emails: readonly string[]): string[] => {
    let known = contacts.get(thread.id);
    if (!known) contacts.set(thread.id, (known = new Set(thread.contacts.map((c) => c.toLowerCase()))));
    const room = MAX_CONTACTS - known.size;
    const fresh = emails.filter((email) => !known.has(email) && known.add(email)).slice(0, Math.max(0, room));
    if (fresh.length === 0) return fresh;
    if (created.has(thread)) thread.contacts.push(...fresh);
    else added.set(thread.id, [...(added.get(thread.id) ?? []), ...fresh]);
    return fresh;
  };

  return {
    adopt(thread) {
      created.add(thread);
      index(thread);
    },
    addedContacts: () => added,
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
