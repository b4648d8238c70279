import { errorText } from '../../../components/error-text';
import { useToast } from '../../../components/toast';
import { useSetAssignmentDone } from '../api/set-assignment-done';
import '../assignments.css';

/**
 * "Mark study done" / "Reopen" for a coder's own assignment, in the workspace (with the state
 * beside it) and in the queue (where a column shows the state).
 */
export function DoneButton({
  projectId,
  studyId,
  userId,
  done,
  showState = true,
  studyLabel,
}: {
  projectId: string;
  studyId: string;
  userId: string;
  done: boolean;
  showState?: boolean;
  /** Names the study in the button's accessible name, where several such buttons are listed. */
  studyLabel?: string;
}) {
  const setDone = useSetAssignmentDone(projectId);
  const notify = useToast();
  const toggle = () =>
    setDone.mutate(
      { studyId, userId, done: !done },
      {
        onSuccess: () => notify({ message: done ? 'Study reopened.' : 'Study marked done.' }),
        onError: (error) => notify({ message: errorText(error), kind: 'error' }),
      },
    );
  return (
    <span className="done-control">
      {showState && done && <span className="done-state">✓ Done</span>}
      <button
        type="button"
        className={done ? 'button button-small' : 'button button-small button-primary'}
        aria-label={studyLabel && `${done ? 'Reopen' : 'Mark done'}: ${studyLabel}`}
        onClick={toggle}
      >
        {done ? 'Reopen' : 'Mark study done'}
      </button>
    </span>
  );
}
