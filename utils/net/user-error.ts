// One error type for everything the user may see: a sentence they understand, and the raw detail for support.

/** An error as a user reads it, plus the raw detail for support (the protocol's `userErrorSchema`). */
export interface UserError {
  message: string;
  detail?: string;
}

export type UserErrorCode =
  | 'xero-reconnect'
  | 'xero-not-connected'
  | 'xero-client-id'
  | 'xero-auth-cancelled'
  | 'xero-api'
  | 'xero-rate-limit'
  | 'cin7-credentials'
  | 'cin7-not-connected'
  | 'cin7-api'
  | 'cin7-rate-limit'
  | 'network'
  | 'site-access'
  | 'invalid-response'
  | 'not-found'
  | 'storage-full'
  | 'refresh-deadline'
  | 'other-organisation'
  | 'secrets-locked'
  | 'invalid-practice-file';

export class UserFacingError extends Error {
  constructor(
    /** Shown to the user as is. */
    message: string,
    readonly code: UserErrorCode,
    /** Raw detail (status, body excerpt, validation issue) for support; never a secret. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** Cuts a response body for the detail field (bodies can be huge HTML pages). */
export function excerpt(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The message + detail sent to a caller for any thrown value. */
/** The browser refused to store more (IndexedDB or storage quota), in words that say what to do. */
export const storageFullError = (detail: string) =>
  new UserFacingError(
    'The browser has no room left to store Mapping Guard’s data. Free some disk space, or remove pairs you no longer need in Mapping Guard’s options; until then each refresh downloads everything again.',
    'storage-full',
    detail,
  );

export const isQuotaError = (error: unknown): boolean => error instanceof Error && error.name === 'QuotaExceededError';

export function describeError(error: unknown): UserError & { code?: string } {
  if (error instanceof UserFacingError) return { message: error.message, detail: error.detail, code: error.code };
  if (isQuotaError(error)) return describeError(storageFullError(`${(error as Error).name}: ${(error as Error).message}`));
  return {
    message: 'Something went wrong in Mapping Guard.',
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
