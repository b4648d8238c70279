import { Link } from 'react-router';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useStudies } from '../api/get-studies';
import { firstAuthorSurname } from '../utils/study-label';

const EMPTY_TEXT = 'No studies yet — paste a text to add one (file imports come soon)';

/** The project's studies, searched by title on the server ~200 ms after typing stops. */
export function StudiesTable({ projectId, search }: { projectId: string; search: string }) {
  const q = useDebouncedValue(search.trim(), 200);
  const studies = useStudies(projectId, q, { keepPrevious: true });

  if (studies.isPending) return <SkeletonRows count={6} label="Loading studies" />;
  if (studies.error) return <FormError error={studies.error} />;
  if (studies.data.length === 0) {
    return <p className="empty">{q ? `No study title contains “${q}”.` : EMPTY_TEXT}</p>;
  }
  return (
    <table className="table" aria-busy={studies.isPlaceholderData}>
      <caption className="visually-hidden">Studies</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">First author</th>
          <th scope="col" className="num">
            Year
          </th>
          <th scope="col" className="num">
            My coding
          </th>
        </tr>
      </thead>
      <tbody>
        {studies.data.map((study) => (
          <StudyRow key={study.id} projectId={projectId} study={study} />
        ))}
      </tbody>
    </table>
  );
}

function StudyRow({ projectId, study }: { projectId: string; study: Study }) {
  return (
    <tr>
      <td className="title-cell">
        <Link to={`/projects/${projectId}/studies/${study.id}`} title={study.title}>
          {study.title}
        </Link>
      </td>
      <td>{firstAuthorSurname(study) ?? <span className="muted">—</span>}</td>
      <td className="num">{study.year ?? <span className="muted">—</span>}</td>
      <td className="num">
        {study.myHighlights}
        <span className="muted"> of {study.highlights}</span>
      </td>
    </tr>
  );
}
