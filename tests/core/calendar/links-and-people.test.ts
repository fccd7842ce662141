// The small judgements the sync makes about an event (Node, pure): which link joins the call, who is in it, is it
// internal, which company it is with.
import { describe, expect, it } from 'vitest';
import { findJoinLink } from '../../../electron/main/core/calendar/join-link';
import { accountNameOf, emailOf, isInternal } from '../../../electron/main/core/calendar/people';
import { fixZoneLabels } from '../../../electron/main/core/calendar/outlook-zones';

describe('the join link', () => {
  it.each([
    ['Zoom', 'Join: https://acme.zoom.us/j/123456789?pwd=abc.', 'https://acme.zoom.us/j/123456789?pwd=abc'],
    ['Google Meet', 'Meet: <https://meet.google.com/abc-defg-hij>', 'https://meet.google.com/abc-defg-hij'],
    ['Teams', 'Click here<https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0>', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0'],
    ['Webex', '(https://ourco.webex.com/meet/robin)', 'https://ourco.webex.com/meet/robin'],
  ])('finds %s', (_name, text, link) => {
    expect(findJoinLink([text])).toBe(link);
  });

  it('takes only https video links, in the order of the fields given', () => {
    expect(findJoinLink(['http://acme.zoom.us/j/1', 'https://example.com/page', 'https://zoom.us'])).toBeUndefined();
    expect(findJoinLink([undefined, 'see https://meet.google.com/aaa-bbbb-ccc', 'https://acme.zoom.us/j/1'])).toBe(
      'https://meet.google.com/aaa-bbbb-ccc',
    );
    expect(findJoinLink(['https://user:pw@acme.zoom.us/j/1'])).toBeUndefined();
  });
});

describe('people', () => {
  it('reads emails from mailto: values, lower-cased, and never takes a room for a person', () => {
    expect(emailOf('mailto:Dana.Fischer@ACME.com')).toBe('dana.fischer@acme.com');
    expect(emailOf('MAILTO:pat@initech.com')).toBe('pat@initech.com');
    expect(emailOf('c_1889abc@resource.calendar.google.com')).toBeUndefined();
    expect(emailOf('not an email')).toBeUndefined();
  });

  it('calls a meeting internal when everyone is on the rep\'s own domains (any case)', () => {
    const own = ['OurCo.com'];
    expect(isInternal({ organizer: emailOf('mailto:Kim@OURCO.COM'), attendees: ['kim@ourco.com', 'rep@ourco.com'] }, own)).toBe(true);
    expect(isInternal({ organizer: 'rep@ourco.com', attendees: ['rep@ourco.com', 'dana@acme.com'] }, own)).toBe(false);
    expect(isInternal({ organizer: 'dana@acme.com', attendees: ['rep@ourco.com'] }, own)).toBe(false);
  });

  it('treats a block with nobody else in it as internal, unless a prospect sent it', () => {
    expect(isInternal({ attendees: [] }, ['ourco.com'])).toBe(true);
    expect(isInternal({ organizer: 'rep@ourco.com', attendees: ['rep@ourco.com'] }, ['ourco.com'])).toBe(true);
    expect(isInternal({ organizer: 'rep@ourco.com', attendees: [] }, [])).toBe(true);
    expect(isInternal({ organizer: 'dana@acme.com', attendees: [] }, ['ourco.com'])).toBe(false);
  });

  it('names the account after the company domain', () => {
    expect(accountNameOf('acme.com')).toBe('Acme');
    expect(accountNameOf('mail.globex.io')).toBe('Globex');
    expect(accountNameOf('umbrella-corp.co.uk')).toBe('Umbrella-corp');
    expect(accountNameOf('wayne-enterprises.com.au')).toBe('Wayne-enterprises');
  });
});

describe("Outlook's zone labels", () => {
  it('rewrites only the labels node-ical would read as a fixed offset', () => {
    expect(fixZoneLabels('DTSTART;TZID="(UTC-08:00) Pacific Time (US & Canada)":20260715T090000')).toBe(
      'DTSTART;TZID=America/Los_Angeles:20260715T090000',
    );
    expect(fixZoneLabels('TZID:(UTC-08:00) Pacific Time (US & Canada)')).toBe('TZID:America/Los_Angeles');
    const known = 'DTSTART;TZID=W. Europe Standard Time:20261125T090000';
    expect(fixZoneLabels(known)).toBe(known);
  });
});
