// Runs everywhere (the wrap-up builds it; tests read it). The short recap a rep sends right after the call, so the
// next step the prospect agreed to is in writing: why we met, what we agreed, when, its point, and what we bring.
// Dates come in already formatted in the rep's locale and zone; this only arranges the words.
export interface FollowUpFacts {
  /** The prospect's first name, if known. */
  firstName?: string;
  /** The purpose of the call as agreed with them. */
  callPurpose: string;
  step: { what: string; purpose: string; bring: string };
  /** "Tuesday 25 November at 15:00" in the rep's locale. */
  when: string;
}

export function followUpEmail({ firstName, callPurpose, step, when }: FollowUpFacts): { subject: string; body: string } {
  const lines = [
    `Hi ${firstName?.trim() || 'there'},`,
    '',
    'Thank you for your time today.',
    ...(callPurpose.trim() ? [`We set out to ${lowerFirst(stripEndStop(callPurpose))}.`] : []),
    '',
    `As agreed, our next step: ${stripEndStop(step.what)} — ${when}.`,
    `The point of it: ${lowerFirst(stripEndStop(step.purpose))}.`,
    ...(step.bring.trim() ? [`I'll bring ${lowerFirst(stripEndStop(step.bring))}.`] : []),
    '',
    'If anything changes on your side, just reply to this email.',
    '',
    'Best regards,',
  ];
  return { subject: `Next step: ${stripEndStop(step.what)} (${when})`, body: lines.join('\n') };
}

const stripEndStop = (text: string) => text.trim().replace(/[.!]+$/, '');
/** "Show the plan" -> "show the plan", "A sample" -> "a sample"; leaves "CFO review" and "I" alone. (Names such as
 * "Dana's team" would be lowered too; the rep reads the email before sending it.) */
const lowerFirst = (text: string) => (/^(?!I\b)[A-Z](?=[a-z]|\s)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
