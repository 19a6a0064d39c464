import { useId } from 'react';
import type { Severity } from '../../utils/audit/types';
import { AREAS, SEVERITIES, type Area, type ReportFilter, type SortKey } from './model';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SORT_LABEL: Record<SortKey, string> = { severity: 'Severity', area: 'Area', subject: 'Subject', code: 'Code' };

export function ReportControls({
  filter,
  onFilter,
  sort,
  onSort,
}: {
  filter: ReportFilter;
  onFilter(filter: ReportFilter): void;
  sort: SortKey;
  onSort(sort: SortKey): void;
}) {
  const searchId = useId();
  const areaId = useId();
  const sortId = useId();
  const toggleSeverity = (severity: Severity, on: boolean) =>
    onFilter({
      ...filter,
      severities: on ? SEVERITIES.filter((s) => s === severity || filter.severities.includes(s)) : filter.severities.filter((s) => s !== severity),
    });
  return (
    <form className="mg-report-controls mg-no-print" role="search" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Severity</legend>
        {SEVERITIES.map((severity) => (
          <label key={severity}>
            <input
              type="checkbox"
              checked={filter.severities.includes(severity)}
              onChange={(event) => toggleSeverity(severity, event.target.checked)}
            />{' '}
            {SEVERITY_LABEL[severity]}
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            checked={filter.includeReviewed}
            onChange={(event) => onFilter({ ...filter, includeReviewed: event.target.checked })}
          />{' '}
          Show reviewed
        </label>
      </fieldset>
      <div className="mg-field">
        <label htmlFor={areaId}>Area</label>
        <select
          id={areaId}
          value={filter.area ?? ''}
          onChange={(event) => onFilter({ ...filter, area: (event.target.value || undefined) as Area | undefined })}
        >
          <option value="">All areas</option>
          {AREAS.map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </select>
      </div>
      <div className="mg-field">
        <label htmlFor={searchId}>Search findings</label>
        <input id={searchId} type="search" value={filter.text} onChange={(event) => onFilter({ ...filter, text: event.target.value })} />
      </div>
      <div className="mg-field">
        <label htmlFor={sortId}>Sort by</label>
        <select id={sortId} value={sort} onChange={(event) => onSort(event.target.value as SortKey)}>
          {(Object.keys(SORT_LABEL) as SortKey[]).map((key) => (
            <option key={key} value={key}>
              {SORT_LABEL[key]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
