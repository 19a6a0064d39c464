// Chart of accounts: the accounts on this page that carry a Cin7 Core role, their problems, and a warning after a
// bulk Archive / Delete click with such accounts ticked.
import { FindingList } from '../../../components/panel/FindingList';
import { ROLE_BY_ID, type RoleId } from '../../../utils/audit/roles';
import type { StatusFinding } from '../../../utils/protocol/shapes';

export interface MappedAccountView {
  code: string;
  name: string;
  roles: RoleId[];
  problems: StatusFinding[];
}

export function ChartSection({
  accounts,
  factsLoaded,
  bulk,
}: {
  accounts: readonly MappedAccountView[];
  factsLoaded: boolean;
  bulk: { action: 'archive' | 'delete'; codes: string[] } | null;
}) {
  const problems = accounts.flatMap((account) => account.problems);
  const unique = [...new Map(problems.map((finding) => [finding.key, finding])).values()];
  return (
    <>
      {bulk ? (
        <p className="mg-error-text" role="alert">
          You chose to {bulk.action} {bulk.codes.join(', ')}: Cin7 Core posts to {bulk.codes.length === 1 ? 'it' : 'them'}, so those postings will
          fail to sync. Map other accounts in Cin7 Core first.
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
                </td>
                <td>{account.roles.map((role) => ROLE_BY_ID[role].label).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unique.length > 0 ? <FindingList findings={unique} currentApp="xero" emptyText="" /> : null}
    </>
  );
}
