// Chart of Accounts page: which accounts carry which Cin7 role (from the last mapping read), and the Xero
// accounts Cin7 Core cannot see because they have no code.
import { FindingList } from '../../../components/panel/FindingList';
import type { FixLink } from '../../../utils/audit/types';
import type { StatusFinding } from '../../../utils/protocol/shapes';

export interface RoleAccount {
  code: string;
  roles: string[];
}

export function ChartSection({
  roleAccounts,
  mappingReadAt,
  withoutCode,
  mappingPage,
}: {
  roleAccounts: RoleAccount[];
  mappingReadAt: string | null;
  withoutCode: StatusFinding[];
  /** The learned Account Mapping URL, or the Settings page with the menu path in words. */
  mappingPage: FixLink;
}) {
  return (
    <>
      {roleAccounts.length > 0 ? (
        <table className="mg-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Cin7 Core role</th>
            </tr>
          </thead>
          <tbody>
            {roleAccounts.map((entry) => (
              <tr key={entry.code}>
                <td>{entry.code}</td>
                <td>{entry.roles.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mg-muted">
          No mapping read in this browser yet. <a href={mappingPage.url}>{mappingPage.label}</a> once to see which accounts carry which role.
        </p>
      )}
      {mappingReadAt ? <p className="mg-muted">Mapping read {new Date(mappingReadAt).toLocaleString()}.</p> : null}
      <h4 className="mg-section-title">Accounts Cin7 Core cannot see (no code in Xero)</h4>
      <FindingList findings={withoutCode} currentApp="cin7" emptyText="Every Xero account has a code." />
    </>
  );
}
