// The guided first run (issue #20), opened once on install: six steps with visible progress, each one's state derived
// from the background (steps.ts), so leaving and coming back resumes; typed-but-unsaved inputs live in a session
// draft (never a secret), so going back to a step never loses them.
import { useEffect, useState } from 'react';
import type { OptionsClient } from '../ui/client';
import { useConnections } from '../options/use-connections';
import { useStatus } from '../ui/use-status';
import { SiteAccessNotice } from '../ui/SiteAccessNotice';
import type { SiteAccess } from '../../utils/net/site-access';
import { DraftContext, type Draft } from '../options/draft';
import { currentStep, deriveSteps, finishedCount, type StepId } from './steps';
import { StepList } from './StepList';
import { StepPanel, type WelcomeLinks } from './StepPanel';

/** Where the draft lives (the welcome entry passes session storage; tests an in-memory one). */
export interface DraftStorage {
  load(): Promise<Record<string, string>>;
  save(values: Record<string, string>): Promise<void>;
}

export interface WelcomeAppProps {
  client: OptionsClient;
  drafts: DraftStorage;
  links: WelcomeLinks;
  /** The browser's site access: connecting needs it, so a withheld site is named here too. */
  siteAccess?: SiteAccess;
}

function useDraft(drafts: DraftStorage): Draft | undefined {
  const [values, setValues] = useState<Record<string, string>>();
  useEffect(() => {
    let current = true;
    drafts.load().then(
      (loaded) => current && setValues(loaded),
      () => current && setValues({}),
    );
    return () => {
      current = false;
    };
  }, [drafts]);
  if (!values) return undefined;
  return {
    values,
    set(key, value) {
      const next = { ...values, [key]: value };
      setValues(next);
      void drafts.save(next).catch(() => undefined);
    },
  };
}

export function WelcomeApp({ client, drafts, links, siteAccess }: WelcomeAppProps) {
  /** The step the user chose to look at, and where set-up stood then: progress moves the view on. */
  const [chosen, setChosen] = useState<{ step: StepId; from?: StepId }>();
  const draft = useDraft(drafts);
  const [pairId, setPairId] = useState<string>();
  const { status, reload: reloadStatus } = useStatus(client, { pairId });
  const { connections, pairs, error, reload } = useConnections(client, reloadStatus);
  const nextPairId = pairs.selectedPairId ?? pairs.pairs[0]?.id;
  if (nextPairId !== pairId) setPairId(nextPairId);

  const steps = connections ? deriveSteps({ connections, pairs: pairs.pairs, selectedPairId: pairs.selectedPairId, status }) : [];
  const current = steps.length ? currentStep(steps) : undefined;
  const viewed = chosen && chosen.from === current ? chosen.step : current;
  const view = (step: StepId) => setChosen({ step, from: current });

  return (
    <main className="mg-welcome">
      <header>
        <h1>Set up Mapping Guard</h1>
        <p className="mg-muted">
          Six steps from a fresh install to your first audit of a Cin7 Core ↔ Xero set-up. You can leave at any time:
          this page picks up where you were.
        </p>
      </header>
      <SiteAccessNotice access={siteAccess} />
      {error && (
        <p role="alert" className="mg-error-text">
          {error}
        </p>
      )}
      {connections && viewed && draft ? (
        <div className="mg-welcome-layout">
          <StepList steps={steps} viewed={viewed} done={finishedCount(steps)} onView={view} />
          <DraftContext.Provider value={draft}>
            <StepPanel
              key={viewed}
              step={viewed}
              steps={steps}
              client={client}
              connections={connections}
              pairs={pairs}
              status={status}
              links={links}
              onChanged={reload}
              onView={view}
            />
          </DraftContext.Provider>
        </div>
      ) : (
        !error && <p>Loading…</p>
      )}
    </main>
  );
}
