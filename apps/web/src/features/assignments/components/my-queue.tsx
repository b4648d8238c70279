import { useRef } from 'react';
import { Link } from 'react-router';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import type { QueueItem } from '../lib/progress';
import { DoneButton } from './done-button';

const ROW = 36;

/** A coder's assigned studies: still to do first, each with a link to code it and done/reopen. */
export function MyQueue({
  projectId,
  meId,
  items,
}: {
  projectId: string;
  meId: string;
  items: readonly QueueItem[];
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items: visible, before, after } = useVirtualRows(items.length, scrollRef, ROW);
  if (items.length === 0)
    return (
      <p className="empty">
        Nothing is assigned to you yet. A supervisor assigns studies on this page; meanwhile you can
        code any study from the studies list.
      </p>
    );
  const open = items.filter((i) => i.assignment.doneAt === null).length;
  return (
    <>
      <p className="table-count" aria-live="polite">
        {open === 0 ? `All ${items.length} done.` : `${open} of ${items.length} still to do.`}
      </p>
      <div className="table-scroll" ref={scrollRef}>
        <table className="table progress-table queue-table" aria-rowcount={items.length + 1}>
          <caption className="visually-hidden">My queue</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Study</th>
              <th scope="col" className="num">
                My highlights
              </th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {visible.map(({ index }) => {
              const { study, assignment } = items[index]!;
              const done = assignment.doneAt !== null;
              return (
                <tr key={study.id} aria-rowindex={index + 2}>
                  <td className="progress-study">
                    <Link to={`/projects/${projectId}/studies/${study.id}`} title={study.title}>
                      {study.label}
                    </Link>
                    <span className="muted queue-title"> {study.title}</span>
                  </td>
                  <td className="num">{assignment.highlights}</td>
                  <td className={done ? 'progress-status is-done' : 'progress-status is-open'}>
                    {done ? '✓ Done' : 'To do'}
                  </td>
                  <td className="queue-actions">
                    <DoneButton
                      projectId={projectId}
                      studyId={study.id}
                      userId={meId}
                      done={done}
                      showState={false}
                      studyLabel={study.label}
                    />
                  </td>
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
