import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import type { StudyProgress, StudyStatus } from '../lib/progress';

const ROW = 32;
type Show = 'all' | StudyStatus;
const SHOW: ReadonlyArray<[Show, string]> = [
  ['all', 'All'],
  ['open', 'In progress'],
  ['done', 'Done'],
  ['unassigned', 'Not assigned'],
];
const STATUS_TEXT: Record<StudyStatus, string> = {
  unassigned: 'Not assigned',
  open: 'In progress',
  done: 'Done',
};

interface Props {
  projectId: string;
  rows: readonly StudyProgress[];
  onUnassign: (studyId: string, userId: string, label: string) => void;
}

/** Per study: its coders (✓ done), its state, and unassigning; virtualised for long reviews. */
export function StudyProgressTable({ projectId, rows, onUnassign }: Props) {
  const [show, setShow] = useState<Show>('all');
  const shown = useMemo(
    () => (show === 'all' ? rows : rows.filter((r) => r.status === show)),
    [rows, show],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, before, after } = useVirtualRows(shown.length, scrollRef, ROW);
  return (
    <>
      <div className="progress-filter" role="group" aria-label="Show studies">
        {SHOW.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className="button button-small"
            aria-pressed={show === value}
            onClick={() => setShow(value)}
          >
            {label}
          </button>
        ))}
        <span className="table-count" aria-live="polite">
          {shown.length.toLocaleString('en')} {shown.length === 1 ? 'study' : 'studies'}
        </span>
      </div>
      <div className="table-scroll" ref={scrollRef}>
        <table className="table progress-table" aria-rowcount={shown.length + 1}>
          <caption className="visually-hidden">Progress per study</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Study</th>
              <th scope="col">Coders</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items.map(({ index }) => {
              const row = shown[index]!;
              return (
                <tr key={row.study.id} aria-rowindex={index + 2}>
                  <td className="progress-study">
                    <Link
                      to={`/projects/${projectId}/studies/${row.study.id}`}
                      title={row.study.title}
                    >
                      {row.study.label}
                    </Link>
                  </td>
                  <td className="progress-coders">
                    <CoderChips row={row} onUnassign={onUnassign} />
                  </td>
                  <td className={`progress-status is-${row.status}`}>{STATUS_TEXT[row.status]}</td>
                </tr>
              );
            })}
            {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CoderChips({ row, onUnassign }: { row: StudyProgress; onUnassign: Props['onUnassign'] }) {
  if (row.coders.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="assignee-list">
      {row.coders.map((c) => (
        <li key={c.userId} className={c.done ? 'assignee is-done' : 'assignee'}>
          <span aria-hidden="true">{c.done ? '✓' : '○'}</span>
          <span>
            {c.name}
            <span className="visually-hidden">
              {c.done ? ', done' : ', not done'}, {c.highlights}{' '}
              {c.highlights === 1 ? 'highlight' : 'highlights'}
            </span>
          </span>
          <button
            type="button"
            className="assignee-remove"
            aria-label={`Unassign ${c.name} from ${row.study.label}`}
            title={`Unassign ${c.name}`}
            onClick={() => onUnassign(row.study.id, c.userId, `${c.name} from ${row.study.label}`)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
