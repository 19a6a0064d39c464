// Xero API and sign-in failures as sentences a user understands, with the raw detail for support.
import { withheldSiteError } from '../../net/site-access';
import { UserFacingError, excerpt } from '../../net/user-error';

export const xeroReconnectError = (detail: string) =>
  new UserFacingError('Xero rejected the saved sign-in; reconnect Xero in Mapping Guard’s options.', 'xero-reconnect', detail);

export const xeroNotConnectedError = () =>
  new UserFacingError('Xero is not connected yet; connect it in Mapping Guard’s options.', 'xero-not-connected');

export const xeroClientIdMissing = () =>
  new UserFacingError(
    'No Xero app client id is set; enter it in Mapping Guard’s options before connecting.',
    'xero-client-id',
  );

export const xeroHttpError = (path: string, status: number, body: string) =>
  new UserFacingError(
    status === 403
      ? 'Xero refused access to this organisation; reconnect Xero and allow access to it.'
      : 'Xero answered with an error.',
    status === 403 ? 'xero-reconnect' : 'xero-api',
    `GET ${path}: ${status}: ${excerpt(body)}`,
  );

export const xeroInvalidResponse = (path: string, problem: string, body: string) =>
  new UserFacingError('Xero sent an answer Mapping Guard could not read.', 'invalid-response', `GET ${path}: ${problem}: ${excerpt(body, 300)}`);

export const xeroNetworkError = (detail: string) =>
  new UserFacingError('Could not reach Xero; check the internet connection.', 'network', detail);

/** A call to `url` that got no answer: the browser withholding the site, else the network. */
export const xeroUnreachable = async (url: string, detail: string) => (await withheldSiteError(url, detail)) ?? xeroNetworkError(detail);

export const xeroThrottledTooLong = (problem: string | null) =>
  new UserFacingError(
    problem === 'day'
      ? 'Xero’s daily API limit for this organisation is used up; Mapping Guard will try again tomorrow.'
      : 'Xero kept asking Mapping Guard to slow down; try the refresh again in a few minutes.',
    'xero-rate-limit',
    `429 X-Rate-Limit-Problem: ${problem ?? 'not given'}`,
  );

/** The token endpoint refused for now (not the grant itself): the tokens stay, and a later call tries again. */
export const xeroTokenRenewalFailed = (detail: string) =>
  new UserFacingError('Xero did not renew Mapping Guard’s access just now; it will try again on the next refresh.', 'xero-api', detail);
