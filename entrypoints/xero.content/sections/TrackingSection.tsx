// Tracking categories: how Cin7 Core uses them, per category its status, its options and whether Cin7 Core fills it
// (as far as anything we hold can tell), and what breaks the link. Every claim below comes from one of:
// [C1] Cin7 Core help "Xero tracking categories" (help.core.cin7.com/hc/en-us/articles/9034570971023): Category 1 and
//      Category 2 in Integrations → Xero → General settings; the fields that can fill them; values are passed to Xero
//      even when they are not one of the category's options; product fields do not reach COGS journals.
// [X1] Xero help "Rename, delete, or restore tracking categories" (help.xero.com/us/Settings_TrackingEdit): renaming
//      renames on every transaction and report; archived categories and options stay on existing transactions but
//      cannot be chosen for new ones; archiving a category removes its tracking from transactions that used it; at most
//      4 categories, no more than 2 active.
// Which Cin7 Core field fills Category 1 and 2 is in no Cin7 Core API (research/cin7.md §2.4, §6): we only show what
// the person recorded in the checklist, and say "cannot tell" otherwise.
import { FixLink } from '../../../components/ui/FixLink';
import { cin7Url } from '../../../utils/audit/links';
import type { FixLink as Fix } from '../../../utils/audit/types';

export interface TrackingOptionView {
  name: string;
  archived: boolean;
}

export interface TrackingCategoryView {
  name: string;
  archived: boolean;
  /** Null when this page does not list the category's options. */
  options: TrackingOptionView[] | null;
}

/** The checklist's "Tracking categories" answers (Cin7 Core's field for each), as the person recorded them. */
export interface RecordedTracking {
  category1?: string;
  category2?: string;
}

export interface TrackingSectionProps {
  categories: TrackingCategoryView[];
  /** Null when nothing was recorded (or the checklist could not be read). */
  recorded: RecordedTracking | null;
}

export const NOT_MAPPED = 'Not mapped';

/**
 * Cin7 Core's Integrations page, where Xero → General settings holds Category 1 and 2 ([C1]). `/Integration` is the
 * page public code links for Cin7 Core's integrations (`/Integration#apikeys`, research/cin7.md §3); the Xero settings
 * tab has no known URL of its own.
 */
export const CIN7_TRACKING_SETTINGS_LINK: Fix = {
  app: 'cin7',
  url: cin7Url('/Integration'),
  label: 'Open Integrations in Cin7 Core (then Xero → General settings)',
};

/** Whether Cin7 Core fills the category, and why we can or cannot tell. */
export function cin7Use(category: TrackingCategoryView, recorded: RecordedTracking | null): string {
  if (category.archived) return 'No: archived categories cannot be chosen for new transactions, so Cin7 Core cannot fill it.';
  if (recorded?.category1 === NOT_MAPPED && recorded.category2 === NOT_MAPPED) return 'No, as recorded in the checklist: Category 1 and Category 2 are not mapped.';
  return 'Cannot tell which Cin7 Core field fills it: Cin7 Core’s Category 1 and 2 settings are not in its API.';
}

function describeOptions(options: TrackingOptionView[] | null): { active: string; archived: string[] } {
  if (options === null) return { active: 'not listed on this page', archived: [] };
  const active = options.filter((option) => !option.archived).map((option) => option.name);
  return { active: active.length > 0 ? active.join(', ') : 'none', archived: options.filter((option) => option.archived).map((option) => option.name) };
}

function recordedText(recorded: RecordedTracking | null): string {
  if (!recorded || (!recorded.category1 && !recorded.category2)) {
    return 'Which Cin7 Core field fills Category 1 and Category 2 is not in Cin7 Core’s API, so it cannot be checked here. Look it up in Cin7 Core and record it in the checklist (toolbar button → Tracking categories).';
  }
  const part = (label: string, value: string | undefined) => `${label}: ${value ?? 'not recorded'}`;
  return `Recorded in the checklist (not read from Cin7 Core): ${part('Category 1', recorded.category1)}; ${part('Category 2', recorded.category2)}.`;
}

export function TrackingSection({ categories, recorded }: TrackingSectionProps) {
  const active = categories.filter((category) => !category.archived);
  return (
    <>
      <p className="mg-muted">
        Cin7 Core fills at most two of Xero’s active tracking categories, as Category 1 and Category 2 in Integrations → Xero → General settings. Each takes one
        Cin7 Core field (sales rep, location, job, category, brand, product family, or a product, customer or supplier attribute), and every sync sends that
        field’s value as the category’s option.
      </p>
      {categories.length === 0 ? <p className="mg-muted">No tracking categories read on this page. Cin7 Core can only fill categories set up here in Xero.</p> : null}
      {categories.length > 0 ? (
        <p>
          {active.length} active: {active.map((category) => category.name).join(', ') || 'none'}.
        </p>
      ) : null}
      <ul className="mg-findings">
        {categories.map((category, index) => {
          const options = describeOptions(category.options);
          return (
            <li className="mg-finding" key={`${index}:${category.name}`} data-mg-tracking-category="">
              <div className="mg-message">
                <strong>{category.name}</strong> · {category.archived ? 'Archived' : 'Active'}
              </div>
              <div className="mg-message">Options: {options.active}</div>
              {options.archived.length > 0 ? (
                <div className="mg-message mg-muted">
                  Archived options (not on new transactions): {options.archived.join(', ')}. If Cin7 Core still sends one of these names, restore the option here.
                </div>
              ) : null}
              <div className="mg-message mg-muted">Cin7 Core: {cin7Use(category, recorded)}</div>
            </li>
          );
        })}
      </ul>
      <p>{recordedText(recorded)}</p>
      <p>
        <FixLink fix={CIN7_TRACKING_SETTINGS_LINK} currentApp="xero" className="mg-fix" />
      </p>
      <ul className="mg-muted">
        <li>Option names need not match: Cin7 Core sends a value even when it is none of the category’s options, so a spelling difference never fails the sync and nothing warns about it. Compare these options with the mapped field’s values in Cin7 Core.</li>
        <li>Renaming a category or option here renames it on every transaction and report, but Cin7 Core keeps sending its own value: rename the value in Cin7 Core too.</li>
        <li>Archiving a category removes its tracking from the transactions that used it; a new category can only be added once one of the two active ones is archived or deleted. Check Category 1 and 2 in Cin7 Core after either.</li>
        <li>Product fields (category, brand, product family, product attributes) do not reach Cin7 Core’s COGS journals in Xero.</li>
      </ul>
    </>
  );
}
