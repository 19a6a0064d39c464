// Cin7 Core API failures as sentences a user understands, with the raw detail for support.
import { UserFacingError, excerpt } from '../../net/user-error';

export const cin7CredentialsError = (status: number, body: string) =>
  new UserFacingError(
    'Cin7 Core refused the Account ID or application key; check them in Mapping Guard’s options.',
    'cin7-credentials',
    `HTTP ${status}: ${excerpt(body)}`,
  );

/** An HTTP (or in-body) error status from Cin7, kept so a caller can tell a server error from a refused request. */
export class Cin7HttpError extends UserFacingError {
  constructor(
    path: string,
    readonly status: number,
    body: string,
  ) {
    super(
      status === 404 ? 'Cin7 Core did not find what Mapping Guard asked for.' : 'Cin7 Core answered with an error.',
      status === 404 ? 'not-found' : 'cin7-api',
      `GET ${path}: ${status}: ${excerpt(body)}`,
    );
  }
}

export const cin7HttpError = (path: string, status: number, body: string) => new Cin7HttpError(path, status, body);

export const cin7InvalidResponse = (path: string, problem: string, body: string) =>
  new UserFacingError(
    'Cin7 Core sent an answer Mapping Guard could not read.',
    'invalid-response',
    `GET ${path}: ${problem}: ${excerpt(body, 300)}`,
  );

export const cin7NetworkError = (detail: string) =>
  new UserFacingError('Could not reach Cin7 Core; check the internet connection.', 'network', detail);

export const cin7ThrottledTooLong = () =>
  new UserFacingError(
    'Cin7 Core kept asking Mapping Guard to slow down; try the refresh again in a few minutes.',
    'cin7-rate-limit',
    'rate limited (429/503) on every retry',
  );
