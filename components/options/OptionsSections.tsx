// The options page's non-connection sections, in the order a user needs them; the advanced ones (the manual mapping
// editor, diagnostics) are folded until opened. The options page renders this below its connections and pairs.
import type { ReactNode } from 'react';
import type { MappingGuardClient } from '../ui/client';
import { DiagnosticsSection } from './DiagnosticsSection';
import { FeaturesSection } from './FeaturesSection';
import { MappingChangeSection } from './MappingChangeSection';
import { MappingEditorSection } from './MappingEditorSection';
import { RefreshScheduleSection } from './RefreshScheduleSection';
import { ReviewedFindingsSection } from './ReviewedFindingsSection';

function Advanced({ id, summary, children }: { id: string; summary: string; children: ReactNode }) {
  return (
    <details className="mg-advanced" id={id}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

export function OptionsSections({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  return (
    <>
      <MappingChangeSection client={client} pairId={pairId} />
      <FeaturesSection client={client} pairId={pairId} />
      <RefreshScheduleSection client={client} />
      <ReviewedFindingsSection client={client} pairId={pairId} />
      <Advanced id="mg-advanced-mapping" summary="Advanced: enter the account mapping by hand">
        <MappingEditorSection client={client} pairId={pairId} />
      </Advanced>
      <Advanced id="mg-advanced-diagnostics" summary="Advanced: diagnostics">
        <DiagnosticsSection client={client} pairId={pairId} />
      </Advanced>
    </>
  );
}
