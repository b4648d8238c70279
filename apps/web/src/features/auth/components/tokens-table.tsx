import type { Token } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useDeleteToken } from '../api/delete-token';
import { useTokens } from '../api/get-tokens';

export function TokensTable() {
  const tokens = useTokens();
  if (tokens.isPending) return <SkeletonRows count={2} label="Loading tokens" />;
  if (tokens.error) return <FormError error={tokens.error} />;
  if (tokens.data.length === 0) return <p className="muted">You have no tokens yet.</p>;
  return (
    <table className="table section">
      <caption className="visually-hidden">Your API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.data.map((token) => (
          <TokenRow key={token.id} token={token} />
        ))}
      </tbody>
    </table>
  );
}

function TokenRow({ token }: { token: Token }) {
  const revoke = useDeleteToken();
  const notify = useToast();
  return (
    <tr>
      <td>{token.name}</td>
      <td>{formatDate(token.createdAt)}</td>
      <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</td>
      <td className="num">
        <button
          type="button"
          className="button button-small button-danger"
          disabled={revoke.isPending}
          onClick={() =>
            revoke.mutate(token.id, {
              onSuccess: () => notify({ message: `Token "${token.name}" revoked.` }),
              onError: (error) => notify({ message: errorText(error), kind: 'error' }),
            })
          }
        >
          Revoke<span className="visually-hidden"> {token.name}</span>
        </button>
      </td>
    </tr>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
