import type { AgreementLevel } from '@kodbok/contracts';
import { LEVELS, STATISTICS } from '../lib/statistics';

/** A sentence on the level chosen and on each statistic, with the bands the labels come from. */
export function StatisticsHelp({ level }: { level: AgreementLevel }) {
  const chosen = LEVELS.find((l) => l.level === level)!;
  return (
    <section className="ag-help" aria-labelledby="agreement-help-title">
      <h2 id="agreement-help-title">What these figures mean</h2>
      <dl>
        <div>
          <dt>{chosen.label} level</dt>
          <dd>{chosen.explain}</dd>
        </div>
        {STATISTICS.map((s) => (
          <div key={s.key}>
            <dt>{s.label}</dt>
            <dd>{s.explain}</dd>
          </div>
        ))}
        <div>
          <dt>n/a</dt>
          <dd>
            The statistic is undefined for these data — for example when every unit falls in one
            category, or a kappa for two coders is asked of three — and is not counted as 0 or 1.
          </dd>
        </div>
      </dl>
      <p className="muted">
        Bands: kappas after Landis and Koch (1977) — slight up to .20, fair .40, moderate .60,
        substantial .80, almost perfect above; Krippendorff's α reliable from .800, tentative from
        .667.
      </p>
    </section>
  );
}
