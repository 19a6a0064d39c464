// The connection actions the options page uses, as an injectable interface (tests pass a fake).
import { sendAction } from '../../utils/protocol/client';
import { type ActionArgs, type ActionResult } from '../../utils/protocol/actions';
import { type Connections, type Pair } from '../../utils/protocol/shapes';

export interface ConnectionsClient {
  getConnections(): Promise<Connections>;
  connectXero(): Promise<ActionResult<'connectXero'>>;
  disconnectXero(): Promise<void>;
  setXeroClientId(clientId: string): Promise<void>;
  testCin7(args: ActionArgs<'testCin7'>): Promise<ActionResult<'testCin7'>>;
  saveCin7Credentials(accountId: string, applicationKey: string): Promise<ActionResult<'saveCin7Credentials'>>;
  removeCin7Credentials(accountId: string): Promise<void>;
  listPairs(): Promise<{ pairs: Pair[]; selectedPairId?: string }>;
  savePair(cin7AccountId: string, xeroTenantId: string): Promise<Pair>;
  removePair(pairId: string): Promise<void>;
  selectPair(pairId: string): Promise<void>;
}

export const backgroundConnections: ConnectionsClient = {
  getConnections: () => sendAction('getConnections'),
  connectXero: () => sendAction('connectXero'),
  disconnectXero: async () => {
    await sendAction('disconnectXero');
  },
  setXeroClientId: async (clientId) => {
    await sendAction('setXeroClientId', { clientId });
  },
  testCin7: (args) => sendAction('testCin7', args),
  saveCin7Credentials: (accountId, applicationKey) => sendAction('saveCin7Credentials', { accountId, applicationKey }),
  removeCin7Credentials: async (accountId) => {
    await sendAction('removeCin7Credentials', { accountId });
  },
  listPairs: () => sendAction('listPairs'),
  savePair: (cin7AccountId, xeroTenantId) => sendAction('savePair', { cin7AccountId, xeroTenantId }),
  removePair: async (pairId) => {
    await sendAction('removePair', { pairId });
  },
  selectPair: async (pairId) => {
    await sendAction('selectPair', { pairId });
  },
};
