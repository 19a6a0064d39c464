// The options page's non-connection sections, in the order a user needs them. The options page (owned by the
// background work) renders this below its connections and pairs sections.
import type { MappingGuardClient } from '../ui/client';
import { DiagnosticsSection } from './DiagnosticsSection';
import { FeaturesSection } from './FeaturesSection';
import { MappingChangeSection } from './MappingChangeSection';
import { MappingEditorSection } from './MappingEditorSection';
import { RefreshScheduleSection } from './RefreshScheduleSection';
import { ReviewedFindingsSection } from './ReviewedFindingsSection';

export function OptionsSections({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  return (
    <>
      <MappingChangeSection client={client} pairId={pairId} />
      <FeaturesSection client={client} pairId={pairId} />
      <MappingEditorSection client={client} pairId={pairId} />
      <RefreshScheduleSection client={client} />
      <ReviewedFindingsSection client={client} pairId={pairId} />
      <DiagnosticsSection client={client} pairId={pairId} />
    </>
  );
}
