import { useState } from 'react';
import { projectEndpoints, type CreatedToken } from '@kodbok/contracts';
import { urlOf } from '../../../lib/api-client';

/** The new token's secret, shown this one time with a copy button and an example call. */
export function TokenSecret({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  const example = `curl -H "Authorization: Bearer ${token.token}" ${window.location.origin}${urlOf(projectEndpoints.listProjects)}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (no permission, insecure origin): the field stays selectable.
      setCopied(false);
    }
  }

  return (
    <div className="card section" role="region" aria-label={`New token ${token.name}`}>
      <p>
        <strong>Copy it now: it will not be shown again.</strong>
      </p>
      <div className="secret">
        <input
          type="text"
          readOnly
          value={token.token}
          aria-label={`Secret of token ${token.name}`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="field-hint">Use it like this:</p>
      <pre className="code">
        <code>{example}</code>
      </pre>
      <div className="actions" style={{ marginTop: '0.75rem' }}>
        <button type="button" className="button" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
