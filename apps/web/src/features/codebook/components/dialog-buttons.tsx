import type { Code } from '@kodbok/contracts';

/** What every codebook form gets from the dialog. */
export interface FormProps {
  codes: readonly Code[];
  projectId: string;
  onDone: () => void;
}

export function DialogButtons({
  submit,
  onCancel,
  pending,
  danger,
}: {
  submit: string;
  onCancel: () => void;
  pending: boolean;
  danger?: boolean;
}) {
  return (
    <div className="actions">
      <button
        type="submit"
        className={danger ? 'button button-danger-solid' : 'button button-primary'}
        disabled={pending}
      >
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
