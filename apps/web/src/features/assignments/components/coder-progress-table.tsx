import type { CoderProgress } from '../lib/progress';

/** Per coder: studies assigned, started and done, with a bar of done (and started) over assigned. */
export function CoderProgressTable({ rows }: { rows: readonly CoderProgress[] }) {
  if (rows.length === 0)
    return <p className="empty">No studies are assigned yet — assign some above.</p>;
  return (
    <>
      <table className="table progress-table">
        <caption className="visually-hidden">Progress per coder</caption>
        <thead>
          <tr>
            <th scope="col">Coder</th>
            <th scope="col" className="num">
              Assigned
            </th>
            <th scope="col" className="num">
              Started
            </th>
            <th scope="col" className="num">
              Done
            </th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.assigned}</td>
              <td className="num">{r.started}</td>
              <td className="num">{r.done}</td>
              <td>
                <ProgressBar done={r.done} started={r.started} total={r.assigned} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="progress-key" aria-hidden="true">
        <span>
          <i className="progress-done" /> done
        </span>
        <span>
          <i className="progress-started" /> started, not done
        </span>
      </p>
    </>
  );
}

/** Done solid, started-but-not-done hatched (not colour alone), with the numbers beside it. */
export function ProgressBar({
  done,
  started,
  total,
}: {
  done: number;
  started: number;
  total: number;
}) {
  const pct = (n: number) => (total > 0 ? (n / total) * 100 : 0);
  return (
    <div className="progress-cell">
      <span className="progress-track" aria-hidden="true">
        <span className="progress-done" style={{ width: `${pct(done)}%` }} />
        <span
          className="progress-started"
          style={{ width: `${pct(Math.max(0, started - done))}%` }}
        />
      </span>
      <span className="progress-label num">
        {total > 0 ? `${Math.round(pct(done))} % done` : '—'}
      </span>
    </div>
  );
}
