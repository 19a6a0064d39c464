import { useState } from 'react';
import type { OptionsClient } from '../ui/client';
import { useConnections } from './use-connections';
import { Cin7ConnectionSection } from './Cin7ConnectionSection';
import { OptionsNav } from './OptionsNav';
import { NotificationsSection, type NotificationPermission } from './NotificationsSection';
import { OptionsSections } from './OptionsSections';
import { WhatsNewNote } from './WhatsNewNote';
import { SiteAccessNotice } from '../ui/SiteAccessNotice';
import type { SiteAccess } from '../../utils/net/site-access';
import type { WhatsNew } from '../../utils/store/whats-new';
import { PairsSection } from './PairsSection';
import { SecretProtectionSection } from './SecretProtectionSection';
import { XeroConnectionSection } from './XeroConnectionSection';

const NO_PERMISSION: NotificationPermission = { request: async () => false };

/** The options page: connections and pairs first, then the other sections. */
export interface OptionsAppProps {
  client: OptionsClient;
  /** The guided set-up page (the welcome page). */
  welcomeUrl?: string;
  /** A note left by an update, until dismissed. */
  whatsNew?: WhatsNew | null;
  onDismissWhatsNew?(): void;
  /** Asks the browser for the optional notifications permission (on the user's click). */
  notificationPermission?: NotificationPermission;
  /** The browser's site access: a withheld site is named, with a button to ask. */
  siteAccess?: SiteAccess;
}

export function OptionsApp({ client, welcomeUrl, whatsNew, onDismissWhatsNew, notificationPermission = NO_PERMISSION, siteAccess }: OptionsAppProps) {
  const { connections, pairs, error, reload } = useConnections(client);
  const [note, setNote] = useState(whatsNew);
  const dismiss = () => {
    setNote(null);
    onDismissWhatsNew?.();
  };

  return (
    <div className="mg-options-layout">
      <header className="mg-options-header">
        <h1>Mapping Guard settings</h1>
        <SiteAccessNotice access={siteAccess} />
        {note && <WhatsNewNote note={note} welcomeUrl={welcomeUrl} onDismiss={dismiss} />}
        {connections && !connections.cin7.accounts.length && connections.xero.state === 'not-connected' && welcomeUrl && (
          <p className="mg-callout" data-testid="options-setup">
            Nothing is connected yet. <a href={welcomeUrl}>Follow the guided set-up</a> to reach your first audit step by step.
          </p>
        )}
      </header>
      <OptionsNav welcomeUrl={welcomeUrl} />
      <main className="mg-options">
        {error && <p role="alert">{error}</p>}
        {connections ? (
          <>
            <XeroConnectionSection client={client} xero={connections.xero} onChanged={reload} />
            <Cin7ConnectionSection client={client} cin7={connections.cin7} onChanged={reload} />
            <SecretProtectionSection client={client} onChanged={reload} />
            <PairsSection
              client={client}
              connections={connections}
              pairs={pairs.pairs}
              selectedPairId={pairs.selectedPairId}
              onChanged={reload}
            />
            <NotificationsSection client={client} permission={notificationPermission} xeroConnections={connections.xero.tenants.length} />
            <OptionsSections client={client} pairId={pairs.selectedPairId} />
          </>
        ) : (
          !error && <p>Loading…</p>
        )}
      </main>
    </div>
  );
}
