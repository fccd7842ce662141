// Runs in the main process and the preview host (Node). What the rep can still see of a file written by a newer
// version of the app: every record this version understands, shown read-only. Best effort by design — the file is
// never written, so nothing is lost by showing less than it holds. Walks the document schema, so a collection added
// later is covered without touching this file.
import { z } from 'zod';
import { StoreDocument, emptyDocument } from '../../../../shared/domain';
import type { RawDocument } from './migrations';

/** The items of `value` that `schema` accepts; a newer app's extra fields are dropped, unknown records skipped. */
function understoodItems(schema: z.ZodType, value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function readOnlyView(raw: RawDocument): StoreDocument {
  const view: Record<string, unknown> = emptyDocument();
  for (const [key, field] of Object.entries(StoreDocument.shape)) {
    if (key === 'schemaVersion') continue;
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    if (inner instanceof z.ZodArray) {
      view[key] = understoodItems(inner.element as z.ZodType, raw[key]);
    } else {
      const parsed = field.safeParse(raw[key]);
      if (parsed.success) view[key] = parsed.data;
    }
  }
  // Each field is either the empty default or the output of its own schema.
  return view as StoreDocument;
}
