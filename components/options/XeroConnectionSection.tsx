import type { Connections } from '../../utils/protocol/shapes';
import type { ConnectionsClient } from '../ui/client';
import { Section } from './Section';
import { useBusyAction } from './use-busy-action';
import { useXeroClientId, XeroClientIdField, XeroConnectControl, XeroMessage } from './xero-controls';

/** Xero: the app's client id, connect (OAuth consent window) and disconnect, and the organisations granted. */
export function XeroConnectionSection({
  client,
  xero,
  onChanged,
}: {
  client: ConnectionsClient;
  xero: Connections['xero'];
  onChanged: () => void;
}) {
  const [clientId, setClientId] = useXeroClientId(xero);
  const action = useBusyAction();

  return (
    <Section id="mg-xero" title="Xero">
      <XeroConnectControl client={client} xero={xero} action={action} canConnect={Boolean(clientId || xero.clientId)} onChanged={onChanged}>
        <XeroClientIdField client={client} xero={xero} action={action} clientId={clientId} setClientId={setClientId} onChanged={onChanged} />
      </XeroConnectControl>
      <XeroMessage action={action} />
    </Section>
  );
}
