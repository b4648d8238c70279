import { errorText } from './error-text';

/** A form's error line, announced by screen readers as soon as it appears. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {typeof error === 'string' ? error : errorText(error)}
    </p>
  );
}
