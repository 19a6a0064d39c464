import { useEffect, useState } from 'react';
import { parseAccountText } from '../../utils/audit/account-text';
import { matchRoleLabel } from '../../utils/audit/labels';
import { ROLES, describeExpectedTypes, type RoleDefinition } from '../../utils/audit/roles';
import type { Mapping } from '../../utils/schemas/snapshot';
import { Button } from '../ui/Button';
import { errorText, type MappingGuardClient } from '../ui/client';
import { Section } from './Section';

/** Xero account codes are at most 10 letters, digits or simple punctuation. */
const ACCOUNT_CODE = /^[A-Za-z0-9._-]{1,10}$/;

const REQUIRED_TEXT: Record<RoleDefinition['required'], string> = {
  always: 'Required',
  feature: 'When the feature is on',
  optional: 'Optional',
};

/** Problems to fix before saving: bad codes, and one account behind two roles (mappings are one-to-one). */
export function mappingProblems(codes: Readonly<Record<string, string>>): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const role of ROLES) {
    const code = codes[role.id]?.trim() ?? '';
    if (!code) continue;
    if (!ACCOUNT_CODE.test(code)) problems[role.id] = 'Use the Xero account code (up to 10 letters or digits).';
    const other = seen.get(code.toUpperCase());
    if (other) problems[role.id] = `Account ${code} is already mapped to ${ROLES.find((r) => r.id === other)?.label}.`;
    else seen.set(code.toUpperCase(), role.id);
  }
  return problems;
}

/** Role id → account code of a saved mapping (rows whose label names no known role are left out). */
export function codesFromMapping(mapping: Mapping | null): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const row of mapping?.rows ?? []) {
    const roleId = matchRoleLabel(row.label);
    const code = parseAccountText(row.account);
    if (roleId && code && !(roleId in codes)) codes[roleId] = code;
  }
  return codes;
}

/**
 * The manual mapping, for when the Account Mapping page cannot be read. It starts from the saved mapping, if any. The same role table as the engine; saved
 * through the `saveMapping` action exactly as the page reader would send it (label + account text).
 */
export function MappingEditorSection({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string>();
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const problems = mappingProblems(codes);
  const hasProblems = Object.keys(problems).length > 0;

  useEffect(() => {
    let active = true;
    client.getMapping({ pairId }).then(
      ({ mapping }) => {
        if (!active || !mapping) return;
        // Never overwrite what the person has started typing.
        setCodes((current) => (Object.keys(current).length > 0 ? current : codesFromMapping(mapping)));
        setLoadedFrom(mapping.readAt);
      },
      () => undefined, // No saved mapping to start from: the empty table is the right start.
    );
    return () => {
      active = false;
    };
  }, [client, pairId]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = () => {
    const rows = ROLES.map((role) => ({ label: role.label, account: codes[role.id]?.trim() ?? '' }));
    client.saveMapping({ rows, readAt: new Date().toISOString(), pairId }).then(
      () => {
        setDirty(false);
        setMessage('Mapping saved. The next audit uses it.');
      },
      (failure: unknown) => setMessage(errorText(failure)),
    );
  };

  return (
    <Section id="mg-mapping" title="Account mapping (manual)">
      <p className="mg-muted">
        Mapping Guard reads Cin7 Core’s Account Mapping page when you open it. If that page cannot be read, enter the
        Xero account code mapped to each role here.
      </p>
      {loadedFrom ? (
        <p className="mg-muted" data-mapping-loaded>
          Filled in from the saved mapping{formatSavedAt(loadedFrom)}.
        </p>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!hasProblems) save();
        }}
      >
        <table className="mg-table">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Needed</th>
              <th scope="col">Expected in Xero</th>
              <th scope="col">Xero account code</th>
            </tr>
          </thead>
          <tbody>
            {ROLES.map((role) => {
              const inputId = `mg-map-${role.id}`;
              const problem = problems[role.id];
              return (
                <tr key={role.id}>
                  <th scope="row">
                    <label htmlFor={inputId}>{role.label}</label>
                  </th>
                  <td>{REQUIRED_TEXT[role.required]}</td>
                  <td>
                    {describeExpectedTypes(role.expectedTypes)}
                    {role.acceptsPayments && ', accepting payments'}
                  </td>
                  <td>
                    <input
                      id={inputId}
                      value={codes[role.id] ?? ''}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${inputId}-problem` : undefined}
                      onChange={(event) => {
                        setCodes({ ...codes, [role.id]: event.target.value });
                        setDirty(true);
                      }}
                    />
                    {problem && (
                      <div id={`${inputId}-problem`} className="mg-error-text">
                        {problem}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Button type="submit" variant="primary" disabled={hasProblems || !dirty}>
          Use this mapping
        </Button>
      </form>
      <p role="status" className="mg-muted">
        {message}
      </p>
    </Section>
  );
}

function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : ` (${date.toLocaleString()})`;
}
