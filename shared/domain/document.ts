// Runs everywhere. The whole store document as it sits on disk. `schemaVersion` lets an older app recognise a file
// written by a newer one (open read-only, ask to update) and lets migrations upgrade older files.
import { z } from 'zod';
import { WrapUpDraft } from './draft';
import { Meeting } from './meeting';
import { NextStep } from './next-step';
import { ReviewMemory } from './review-memory';
import { Settings } from './settings';
import { Thread } from './thread';

/** 2: stage templates' agenda items became `{ text, minutes? }` (were plain strings).
 * 3: settled history may sit in per-year archive files next to the live file, which lists them (`archives`); an
 * older app must open such a folder read-only rather than see part of the history and write over it. */
export const SCHEMA_VERSION = 3;

/** Built at import, unlike its parts (see builtOnFirstUse): the store reads its shape when it loads. */
export const StoreDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  threads: z.array(Thread),
  meetings: z.array(Meeting),
  nextSteps: z.array(NextStep),
  settings: Settings,
  drafts: z.array(WrapUpDraft).default([]),
  /** What the end-of-day review remembers; absent until the rep first marks a day reviewed. */
  review: ReviewMemory.optional(),
});
export type StoreDocument = z.infer<typeof StoreDocument>;

export const emptyDocument = (): StoreDocument => ({
  schemaVersion: SCHEMA_VERSION,
  threads: [],
  meetings: [],
  nextSteps: [],
  settings: Settings.parse({}),
  drafts: [],
});
