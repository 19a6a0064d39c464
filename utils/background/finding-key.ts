// A finding's stable key: code + subject + a hash of its message. A reviewed mark is stored under this key, so it
// survives refreshes while the finding stays the same and lapses as soon as the finding's text changes.

/** FNV-1a, 32 bit: a short, deterministic fingerprint (not a security measure). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function findingKey(finding: { code: string; subject: { kind: string; key: string }; message: string }): string {
  return `${finding.code}:${finding.subject.kind}:${finding.subject.key}:${fnv1a(finding.message)}`;
}

/** A finding as pages see it: with its key and whether the user marked it reviewed. */
export function withReviewMark<F extends { code: string; subject: { kind: string; key: string }; message: string }>(
  finding: F,
  reviewed: ReadonlySet<string>,
  key: string = findingKey(finding),
): F & { key: string; reviewed: boolean } {
  return { ...finding, key, reviewed: reviewed.has(key) };
}
