// Chart of accounts: the accounts on this page that carry a Cin7 Core role, their problems, and a warning after a
// bulk Archive / Delete click with such accounts ticked.
import { FindingList } from '../../../components/panel/FindingList';
import type { RoleId } from '../../../utils/audit/roles';
import { roleName } from '../account-roles';
import type { StatusFinding } from '../../../utils/protocol/shapes';

export interface MappedAccountView {
  code: string;
  name: string;
  roles: RoleId[];
  problems: StatusFinding[];
  /** Archived in Xero (the Archive tab) while Cin7 Core still maps it. */
  archived?: boolean;
}

export interface BulkChoice {
  action: 'archive' | 'delete';
  accounts: { code: string; name: string; roles: readonly RoleId[] }[];
}

const roleNames = (roles: readonly RoleId[], country?: string | null) => roles.map((role) => roleName(role, country)).join(', ');

export function ChartSection({
  accounts,
  factsLoaded,
  bulk,
  missingTarget = null,
  country,
}: {
  /** The Xero organisation's country: role names spelled as its own (Realised / Realized). */
  country?: string | null;
  accounts: readonly MappedAccountView[];
  factsLoaded: boolean;
  bulk: BulkChoice | null;
  /** The account a fix link named, not in this list (archived accounts show only under the Archive tab). */
  missingTarget?: { code: string; url: string } | null;
}) {
  const problems = accounts.flatMap((account) => account.problems);
  const unique = [...new Map(problems.map((finding) => [finding.key, finding])).values()];
  return (
    <>
      {bulk ? (
        <div className="mg-error-text" role="alert">
          <p>
            You chose to {bulk.action} {bulk.accounts.map((account) => account.code).join(', ')}: Cin7 Core posts to {bulk.accounts.length === 1 ? 'it' : 'them'}, so
            those postings will fail to sync. Map other accounts in Cin7 Core first, or cancel Xero’s confirmation.
          </p>
          <ul>
            {bulk.accounts.map((account) => (
              <li key={account.code}>
                {account.code} {account.name}: {roleNames(account.roles, country)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {missingTarget ? (
        <p className="mg-muted" data-mg-missing-target="">
          Account {missingTarget.code} is not in this list. Xero lists archived accounts only under the Archive tab:{' '}
          <a href={missingTarget.url}>open the Archive tab at {missingTarget.code}</a>.
        </p>
      ) : null}
      {!factsLoaded ? (
        <p className="mg-muted">Loading which accounts Cin7 Core uses…</p>
      ) : accounts.length === 0 ? (
        <p className="mg-muted">No account on this page is mapped in Cin7 Core (or the mapping has not been read yet).</p>
      ) : (
        <table className="mg-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Cin7 Core role</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.code}>
                <td>
                  {account.code} {account.name}
                  {account.archived ? ' (archived in Xero)' : ''}
                </td>
                <td>{roleNames(account.roles, country)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unique.length > 0 ? <FindingList findings={unique} currentApp="xero" emptyText="" /> : null}
    </>
  );
}
