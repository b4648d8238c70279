import { Link } from 'react-router';
import type { Code, CodeExample } from '@kodbok/contracts';
import { placeCodes } from '@kodbok/core';
import '../codebook.css';

/** A code's rolled-up counts (it and its sub-codes), as the frequencies view gives them. */
export interface CodeCounts {
  highlights: number;
  studies: number;
}

/**
 * The codebook as a document a team reads, discusses and prints: each theme and code with its
 * colour, definition, keywords, how much it is used (with a bar of the studies it is found in)
 * and example quotes linked to their place in the text. Text is rendered as text.
 */
export function CodebookDocument({
  projectId,
  codes,
  counts,
  totalStudies,
  examples,
}: {
  projectId: string;
  codes: readonly Code[];
  counts: ReadonlyMap<string, CodeCounts>;
  totalStudies: number;
  examples: readonly CodeExample[];
}) {
  const byCode = new Map<string, CodeExample[]>();
  for (const e of examples) byCode.set(e.codeId, [...(byCode.get(e.codeId) ?? []), e]);
  const placed = placeCodes(codes);
  if (placed.length === 0) return <p className="muted">The codebook is empty.</p>;
  return (
    <div className="codebook-document">
      {placed.map((code) => {
        const c = counts.get(code.id);
        const share = c && totalStudies > 0 ? c.studies / totalStudies : 0;
        const Heading = code.depth === 0 ? 'h2' : code.depth === 1 ? 'h3' : 'h4';
        return (
          <section
            key={code.id}
            className={`codebook-entry codebook-depth-${Math.min(code.depth, 3)}`}
            aria-labelledby={`code-${code.id}`}
          >
            <Heading id={`code-${code.id}`} className="codebook-entry-name">
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              {code.name}
            </Heading>
            {c && (
              <p className="codebook-usage">
                <span
                  className="codebook-bar"
                  role="img"
                  aria-label={`In ${Math.round(share * 100)} % of studies`}
                >
                  <span style={{ width: `${share * 100}%`, background: code.color }} />
                </span>
                <span className="muted">
                  {c.highlights} {c.highlights === 1 ? 'highlight' : 'highlights'} in {c.studies} of{' '}
                  {totalStudies} {totalStudies === 1 ? 'study' : 'studies'}
                </span>
              </p>
            )}
            {code.description.trim() ? (
              <p className="codebook-definition">{code.description}</p>
            ) : (
              <p className="muted codebook-definition">No definition yet.</p>
            )}
            {code.keywords.length > 0 && (
              <p className="codebook-keywords">
                <span className="muted">Keywords: </span>
                {code.keywords.join(', ')}
              </p>
            )}
            {(byCode.get(code.id) ?? []).map((e) => (
              <figure key={e.highlightId} className="codebook-example">
                <blockquote>{e.quote}</blockquote>
                <figcaption>
                  —{' '}
                  <Link
                    to={`/projects/${projectId}/studies/${e.studyId}?document=${e.documentId}&highlight=${e.highlightId}`}
                  >
                    {e.study}
                  </Link>
                </figcaption>
              </figure>
            ))}
          </section>
        );
      })}
    </div>
  );
}
