// Runs everywhere. What the rep has typed into a wrap-up but not yet logged. Saved as they type (at most ~500 ms
// behind the keyboard) so a crash, a kill or a restart loses at most that. The form owns the keys; values are
// capped so a draft can never bloat the store.
import { z } from 'zod';
import { builtOnFirstUse, Id, Instant } from './primitives';

export const DraftValues = builtOnFirstUse(() =>
  z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'A draft field name is not valid.'),
      z.union([z.string().max(5000, 'A draft field is too long.'), z.boolean(), z.number().finite()]),
    )
    .refine((values) => Object.keys(values).length <= 30, 'A draft has too many fields.'),
);
export type DraftValues = z.infer<typeof DraftValues>;

export const WrapUpDraft = builtOnFirstUse(() =>
  z.object({
    meetingId: Id,
    savedAt: Instant,
    values: DraftValues,
  }),
);
export type WrapUpDraft = z.infer<typeof WrapUpDraft>;
