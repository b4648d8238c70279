import type { Disagreements, Highlight } from '@kodbok/contracts';
import type { Lane } from '../hooks/use-review-lanes';
import { coderMarks } from '../lib/grid-rows';
import { RegionDetail } from './region-detail';
import { RegionList } from './region-list';
import { LaneLegend, ReviewText } from './review-text';

type Region = Disagreements['regions'][number];

interface Props {
  documentId: string;
  text: string;
  regions: readonly Region[];
  selected: Region | null;
  coders: Disagreements['coders'];
  lanes: readonly Lane[];
  highlights: readonly Highlight[];
  codeName: (codeId: string) => string;
  workspaceUrl: string;
  busy: boolean;
  onSelect: (region: Region) => void;
  onResolve: (region: Region, accept: string[]) => void;
}

/** The text with its lanes beside the list of regions and the one in view. */
export function ReviewBody(props: Props) {
  const { text, regions, selected, coders, lanes, codeName } = props;
  const index = selected ? regions.indexOf(selected) : -1;
  const focusCode = selected ? codeName(selected.codeId) : null;
  return (
    <div className="ag-review-layout">
      <section className="ag-review-text-pane" aria-label="Document text">
        <LaneLegend lanes={lanes} codeName={focusCode} />
        <ReviewText
          text={text}
          regions={regions}
          selected={index}
          lanes={lanes}
          codeName={focusCode}
          onSelect={(i) => props.onSelect(regions[i]!)}
        />
      </section>
      <section className="ag-review-side" aria-label="Disagreements">
        {regions.length === 0 ? (
          <p className="empty">No disagreements in this document: the coders coded it alike.</p>
        ) : (
          <RegionList
            text={text}
            regions={regions}
            selected={selected}
            coders={coders}
            marks={coderMarks(coders)}
            highlights={props.highlights}
            codeName={codeName}
            onSelect={props.onSelect}
          />
        )}
        {selected && (
          <RegionDetail
            documentId={props.documentId}
            text={text}
            region={selected}
            position={`${index + 1} of ${regions.length}`}
            coders={coders}
            lanes={lanes}
            codeName={codeName(selected.codeId)}
            workspaceUrl={props.workspaceUrl}
            busy={props.busy}
            onResolve={(accept) => props.onResolve(selected, accept)}
          />
        )}
      </section>
    </div>
  );
}
