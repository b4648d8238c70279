import { useMatch, useParams } from 'react-router';
import { Breadcrumbs, type Crumb } from '../../components/breadcrumbs';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useProject } from '../../features/projects/api/get-project';
import { useStudy } from '../../features/studies/api/get-study';

/** Project ▸ study (or ▸ Settings, ▸ Attributes), from the route's params and the cached queries. */
export function AppBreadcrumbs() {
  const { projectId, studyId } = useParams();
  const project = useProject(projectId);
  const study = useStudy(studyId);
  const onSettings = useMatch('/projects/:projectId/settings') !== null;
  const onAttributes = useMatch('/projects/:projectId/attributes') !== null;
  const onAnalysis = useMatch('/projects/:projectId/analysis/*') !== null;
  const onAgreement = useMatch('/projects/:projectId/agreement/*') !== null;
  const onReview = useMatch('/projects/:projectId/agreement/review/*') !== null;
  const onProgress = useMatch('/projects/:projectId/progress') !== null;
  const onMemos = useMatch('/projects/:projectId/memos') !== null;
  const onCodebook = useMatch('/projects/:projectId/codebook') !== null;
  const onActivity = useMatch('/projects/:projectId/activity') !== null;

  const items: Crumb[] = [];
  if (projectId && project.data) {
    const isLast =
      !studyId &&
      !onSettings &&
      !onAttributes &&
      !onAnalysis &&
      !onAgreement &&
      !onProgress &&
      !onMemos &&
      !onCodebook &&
      !onActivity;
    items.push({ label: project.data.name, to: isLast ? undefined : `/projects/${projectId}` });
  }
  if (project.data && onSettings) items.push({ label: 'Settings' });
  if (project.data && onAttributes) items.push({ label: 'Attributes' });
  if (project.data && onAnalysis) items.push({ label: 'Analysis' });
  if (project.data && onAgreement)
    items.push({
      label: 'Agreement',
      to: onReview ? `/projects/${projectId}/agreement` : undefined,
    });
  if (project.data && onProgress) items.push({ label: 'Progress' });
  if (project.data && onMemos) items.push({ label: 'Memos' });
  if (project.data && onCodebook) items.push({ label: 'Codebook' });
  if (project.data && onActivity)
    items.push({ label: 'Settings', to: `/projects/${projectId}/settings` }, { label: 'Activity' });
  if (project.data && study.data) items.push({ label: study.data.title });
  // The tab is titled after the same place, most specific first.
  useDocumentTitle(items.map((i) => i.label).reverse());
  return <Breadcrumbs items={items} />;
}
