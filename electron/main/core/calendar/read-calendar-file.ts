// Runs in Node (main and preview). Reads a calendar file from disk and says in plain words why it could not, so
// the sync can keep the meetings of the last good read and tell the rep what to fix (moved file, no permission…).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** A bigger file is not a calendar export anyone means to sync (a 50,000-event export is about 20 MB). */
export const MAX_CALENDAR_BYTES = 100 * 1024 * 1024;

export type SourceRead = { kind: 'read'; text: string } | { kind: 'failed'; message: string };

/** The decoder for a calendar's bytes: UTF-8 normally; UTF-16 when it starts with that byte-order mark (some
 * Windows tools save it so). */
const decoderFor = (head: Uint8Array) =>
  new TextDecoder(head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8');

/** Decodes a stream of chunks piece by piece, so a 20 MB file never holds the event loop while it is decoded. */
export async function decodeChunks(chunks: AsyncIterable<Uint8Array>, maxBytes: number, tooBig: () => Error): Promise<string> {
  let decoder: ReturnType<typeof decoderFor> | undefined;
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooBig();
    decoder ??= decoderFor(chunk);
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder?.decode() ?? '');
  return parts.join('');
}

export async function readCalendarFile(path: string): Promise<SourceRead> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failed(`${path} is a folder, not a calendar file.`);
    if (info.size > MAX_CALENDAR_BYTES) return failed(fileProblem(path, 'EFBIG'));
    const tooBig = () => Object.assign(new Error('too big'), { code: 'EFBIG' });
    const text = await decodeChunks(createReadStream(path, { highWaterMark: 256 * 1024 }), MAX_CALENDAR_BYTES, tooBig);
    return { kind: 'read', text };
  } catch (error) {
    return failed(fileProblem(path, (error as NodeJS.ErrnoException).code));
  }
}

function fileProblem(path: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return `There is no file at ${path} any more. Was it moved or renamed?`;
    case 'EACCES':
    case 'EPERM':
      return `Second Step is not allowed to read ${path}. Check the file's permissions.`;
    case 'EFBIG':
      return `${path} is too big to be a calendar (over 100 MB).`;
    case 'EBUSY':
      return `${path} is locked by another program. Second Step will try again.`;
    default:
      return `${path} could not be read${code ? ` (${code})` : ''}.`;
  }
}

const failed = (message: string): SourceRead => ({ kind: 'failed', message });
