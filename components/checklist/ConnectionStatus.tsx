import type { Status } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';

export function ConnectionStatus({ connection }: { connection: Status['connection'] }) {
  return (
    <ul className="mg-connections" aria-label="Connections">
      <li>
        Cin7 Core <Badge tone={connection.cin7} />
      </li>
      <li>
        Xero <Badge tone={connection.xero} />
      </li>
    </ul>
  );
}
