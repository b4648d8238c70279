import { depthsOf } from '@kodbok/core';
import { useMemo } from 'react';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useAgreement } from '../api/get-agreement';
import type { AgreementParams } from '../hooks/use-agreement-params';
import { agreementCsv } from '../lib/agreement-csv';
import { coverageNotice } from '../lib/statistics';
import { isForbidden, SupervisorsOnly } from './supervisors-only';
import { StatisticsChart } from './statistics-chart';
import { StatisticsHelp } from './statistics-help';
import { StatisticsTable } from './statistics-table';

/** The statistics tab: table, chart, explanations, CSV and print. */
export function StatisticsView({
  projectId,
  params,
}: {
  projectId: string;
  params: AgreementParams;
}) {
  const query = useAgreement(projectId, params.scope, {
    level: params.level,
    threshold: params.threshold,
  });
  const depth = useMemo(() => depthsOf(query.data?.codes ?? []), [query.data]);

  if (isForbidden(query.error)) return <SupervisorsOnly />;
  if (query.isPending) return <SkeletonRows count={8} label="Computing agreement" />;
  if (query.error) return <FormError error={query.error} />;
  const agreement = query.data;
  const notice = coverageNotice(agreement.overall, agreement.coders.length);
  return (
    <div className="ag-statistics" aria-busy={query.isPlaceholderData}>
      <div className="ag-report-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => download(`agreement-${agreement.level}.csv`, agreementCsv(agreement))}
        >
          Export CSV
        </button>
        <button type="button" className="button button-small" onClick={() => window.print()}>
          Print report
        </button>
      </div>
      {notice && <p className="empty">{notice}</p>}
      <StatisticsTable agreement={agreement} depth={depth} />
      <StatisticsChart
        agreement={agreement}
        stat={params.stat}
        onStat={(stat) => params.set('stat', stat)}
      />
      <StatisticsHelp level={agreement.level} />
    </div>
  );
}

/** Saves text as a file, client-side. */
function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
