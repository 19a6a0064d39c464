// The practice file (issue #18 "work that travels"): every pair's names and identity, checklist decisions and notes,
// reviewed marks and the schedule, as versioned JSON. Never a token, key or Cin7 Account ID (half of the API
// credentials): a pair is identified by its opaque id (a hash of both sides, utils/background/pairs.ts), so the same
// clients connected in another browser get the same ids. Read strictly: a malformed or foreign file is refused whole.
import { z } from 'zod';

export const PRACTICE_FILE_FORMAT = 'mapping-guard-practice';
export const PRACTICE_FILE_VERSION = 1;
/** A practice of a few hundred clients fits well under this; a bigger file is not ours. */
export const MAX_PRACTICE_FILE_CHARS = 5_000_000;

const text = (max: number) => z.string().max(max);
const decisionSchema = z.strictObject({
  values: z.record(text(200), text(500)),
  note: text(20_000),
  updatedAt: text(40).optional(),
});
const checklistSchema = z.strictObject({
  decisions: z.record(text(200), decisionSchema),
  channels: z.array(z.strictObject({ id: text(100), name: text(200) })).min(1).max(100),
});

const filePairSchema = z.strictObject({
  id: z.string().regex(/^pair-[0-9a-f]{24}$/, 'a pair id'),
  name: text(500),
  cin7Company: text(300).optional(),
  xeroTenantId: text(100),
  xeroTenantName: text(300).optional(),
  xeroShortCode: text(50).optional(),
  checklist: checklistSchema.optional(),
  reviewed: z.array(text(2000)).max(10_000),
});
export type PracticeFilePair = z.infer<typeof filePairSchema>;

export const practiceFileSchema = z.strictObject({
  format: z.literal(PRACTICE_FILE_FORMAT),
  version: z.literal(PRACTICE_FILE_VERSION),
  exportedAt: text(40),
  schedule: z.strictObject({ refreshHours: z.number().min(1).max(168) }),
  pairs: z.array(filePairSchema).max(1000),
});
export type PracticeFile = z.infer<typeof practiceFileSchema>;

export class PracticeFileError extends Error {}

/** The file's content, or one clear error (nothing is changed on the way). */
export function parsePracticeFile(raw: string): PracticeFile {
  if (raw.length > MAX_PRACTICE_FILE_CHARS) throw new PracticeFileError('This file is too large to be a Mapping Guard practice file.');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new PracticeFileError('This file is not a Mapping Guard practice file: it is not JSON.');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== PRACTICE_FILE_FORMAT) throw new PracticeFileError('This file is not a Mapping Guard practice file.');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > PRACTICE_FILE_VERSION) {
    throw new PracticeFileError('This practice file comes from a newer Mapping Guard: update the extension, then import it.');
  }
  const parsed = practiceFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    throw new PracticeFileError(`This practice file is damaged and was not imported (${where}: ${issue?.message ?? 'invalid'}).`);
  }
  return parsed.data;
}
