import { Link } from 'react-router';
import type { Disagreements } from '@kodbok/contracts';
import type { Lane } from '../hooks/use-review-lanes';
import { resolutionText } from '../lib/resolution-text';
import { CommentThread } from './comment-thread';
import { formatDateTime } from './format';
import { RegionLanes } from './region-lanes';

type Region = Disagreements['regions'][number];

interface Props {
  documentId: string;
  text: string;
  region: Region;
  position: string;
  coders: Disagreements['coders'];
  lanes: readonly Lane[];
  codeName: string;
  workspaceUrl: string | null;
  busy: boolean;
  onResolve: (accept: string[]) => void;
}

/** The region in view: each lane side by side, the choices for the consensus, its record and thread. */
export function RegionDetail({
  documentId,
  text,
  region,
  position,
  coders,
  lanes,
  codeName,
  workspaceUrl,
  busy,
  onResolve,
}: Props) {
  const names = new Map(coders.map((c) => [c.id, c.name]));
  const all = coders.map((c) => c.id);
  return (
    <section className="ag-region-detail" aria-labelledby="agreement-region-title">
      <h2 id="agreement-region-title">
        {codeName} <span className="muted ag-position">{position}</span>
      </h2>
      <div className="ag-resolve" role="group" aria-label="Take into the consensus">
        {coders.map((c) => (
          <button
            key={c.id}
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => onResolve([c.id])}
          >
            Accept {c.name}
          </button>
        ))}
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => onResolve(all)}
        >
          {coders.length === 2 ? 'Both' : 'All'}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => onResolve([])}
        >
          Neither
        </button>
        {workspaceUrl && (
          <Link className="button button-small button-ghost" to={workspaceUrl}>
            Edit in workspace
          </Link>
        )}
      </div>
      <p className="ag-resolution">
        {region.resolution
          ? resolutionText(region.resolution, names, formatDateTime)
          : 'Not resolved yet.'}
      </p>
      <RegionLanes text={text} region={region} lanes={lanes} codeName={codeName} />
      <CommentThread
        key={`${region.codeId}:${region.start}:${region.end}`}
        documentId={documentId}
        region={region}
      />
    </section>
  );
}
