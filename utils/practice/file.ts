// The practice file (issue #18 "work that travels"): every pair's names and identity, checklist decisions and notes,
// reviewed marks and the schedule, as versioned JSON. Never a token, key or Cin7 Account ID (half of the API
// credentials): a pair is identified by its opaque id (a hash of both sides, utils/background/pairs.ts), so the same
// clients connected in another browser get the same ids. Read strictly: a malformed or foreign file is refused whole.
import { z } from 'zod';
import { MAX_NOTE_CHARS, MAX_VALUE_CHARS } from '../checklist/decisions';

export const PRACTICE_FILE_FORMAT = 'mapping-guard-practice';
export const PRACTICE_FILE_VERSION = 1;
/** A practice of a few hundred clients fits well under this; a bigger file is not ours. */
export const MAX_PRACTICE_FILE_CHARS = 5_000_000;
/** What the import says of a file over that size (the page says it too, before reading a file that big). */
export const PRACTICE_FILE_TOO_LARGE = 'This file is too large to be a Mapping Guard practice file.';
/** Reviewed marks one pair of the file may hold. */
export const MAX_FILE_REVIEWED = 10_000;
/** Another browser's clock may run a little ahead; a decision dated later than this is refused (it would win every merge). */
const CLOCK_SKEW_MS = 10 * 60_000;

const text = (max: number) => z.string().max(max);
const decisionSchema = z.strictObject({
  values: z.record(text(200), text(MAX_VALUE_CHARS)),
  note: text(MAX_NOTE_CHARS),
  updatedAt: z.iso.datetime().optional(),
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
  reviewed: z.array(text(2000)).max(MAX_FILE_REVIEWED),
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

/** The file's content, or one clear error (nothing is changed on the way). `now`: decisions may not be dated later. */
export function parsePracticeFile(raw: string, now: number): PracticeFile {
  if (raw.length > MAX_PRACTICE_FILE_CHARS) throw new PracticeFileError(PRACTICE_FILE_TOO_LARGE);
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
  for (const pair of parsed.data.pairs) {
    for (const [itemId, decision] of Object.entries(pair.checklist?.decisions ?? {})) {
      if (decision.updatedAt && Date.parse(decision.updatedAt) > now + CLOCK_SKEW_MS) {
        throw new PracticeFileError(`This practice file was not imported: ${pair.name} has a decision (${itemId}) dated in the future (${decision.updatedAt}).`);
      }
    }
  }
  return parsed.data;
}

/**
 * The file's text for export, checked against the same schema the import reads with: a file this browser writes is
 * always one it (and another) can import. Otherwise one clear error naming the client and what is too long.
 */
export function practiceFileText(file: PracticeFile): string {
  const parsed = practiceFileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = issue?.path[0] === 'pairs' ? issue.path[1] : undefined;
    const client = typeof index === 'number' ? `${file.pairs[index]?.name ?? 'A client'}: ` : '';
    const where = issue?.path.slice(typeof index === 'number' ? 2 : 0).join('.') || 'the file';
    const what = issue?.code === 'too_big' ? `is longer than ${String(issue.maximum)} allows` : (issue?.message ?? 'is not valid');
    throw new PracticeFileError(`The practice file was not exported. ${client}${where} ${what}; shorten it, then export again.`);
  }
  const json = JSON.stringify(parsed.data, null, 2);
  if (json.length > MAX_PRACTICE_FILE_CHARS) throw new PracticeFileError('The practice file was not exported: it would be larger than an import accepts.');
  return json;
}
