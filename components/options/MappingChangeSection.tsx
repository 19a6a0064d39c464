import { Button } from '../ui/Button';
import type { MappingGuardClient } from '../ui/client';
import { useStatus } from '../ui/use-status';
import { accountText, mappingChangeTitle } from '../panel/MappingChangeNotice';
import { Section } from './Section';
import { useBusyAction } from './use-busy-action';

const COLUMNS = ['Role', 'Before', 'Now'];

/**
 * A mapping read from Cin7 Core that differs from the one before (shown only while there is one): the changed roles,
 * old → new, with Accept (keep it) and Restore (put the previous one back and check the set-up with it again).
 */
export function MappingChangeSection({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  const { status, reload } = useStatus(client, { pairId });
  const { busy, message, run } = useBusyAction();
  const change = status?.mappingChange;
  if (!change) return message ? <p role="status" className="mg-muted">{message}</p> : null;
  const target = { pairId: status.pairId };
  const finish = (text: string) => {
    reload();
    return text;
  };
  return (
    <Section id="mg-mapping-change" title="Account Mapping changed">
      <p>
        {mappingChangeTitle(change)} (read {new Date(change.changedAt).toLocaleString()}). If you or a colleague did not
        change it in Cin7 Core, restore the previous mapping and check Cin7 Core’s Account Mapping page.
      </p>
      <table className="mg-table">
        <thead>
          <tr>{COLUMNS.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
        </thead>
        <tbody>
          {change.rows.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              <td>{accountText(row.from)}</td>
              <td>{accountText(row.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {change.count > change.rows.length ? <p className="mg-muted">And {change.count - change.rows.length} more.</p> : null}
      <Button disabled={busy} onClick={() => run(() => client.acceptMappingChange(target), () => finish('The new mapping is kept.'))}>
        Accept the new mapping
      </Button>{' '}
      <Button
        disabled={busy}
        onClick={() =>
          run(
            () => client.restorePreviousMapping(target),
            (result) => finish(result.restored ? 'The previous mapping is back; the set-up is checked with it.' : 'There was nothing to restore.'),
          )
        }
      >
        Restore the previous mapping
      </Button>
      <p role="status" className="mg-muted">
        {message}
      </p>
    </Section>
  );
}
