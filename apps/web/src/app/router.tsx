import { createBrowserRouter } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { SetupRoute } from './routes/setup';
import { SignInRoute } from './routes/sign-in';
import { ProjectsRoute } from './routes/projects';
import { StudiesRoute } from './routes/studies';
import { ProjectSettingsRoute } from './routes/project-settings';
import { WorkspaceRoute } from './routes/workspace';
import { AccountRoute } from './routes/account';
import { UsersRoute } from './routes/users';
import { NotFoundRoute } from './routes/not-found';
import { AttributesRoute } from './routes/attributes';
import { AnalysisRoute } from './routes/analysis';
import { AgreementRoute } from './routes/agreement';
import { AgreementReviewRoute } from './routes/agreement-review';
import { ProgressRoute } from './routes/progress';
import { MemosRoute } from './routes/memos';
import { CodebookRoute } from './routes/codebook';
import { ActivityRoute } from './routes/activity';

// The composition root: the only place that knows every feature (routes compose features).
export const router = createBrowserRouter([
  { path: '/setup', element: <SetupRoute /> },
  { path: '/sign-in', element: <SignInRoute /> },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <ProjectsRoute /> },
      { path: '/projects/:projectId', element: <StudiesRoute /> },
      { path: '/projects/:projectId/settings', element: <ProjectSettingsRoute /> },
      { path: '/projects/:projectId/attributes', element: <AttributesRoute /> },
      { path: '/projects/:projectId/studies/:studyId', element: <WorkspaceRoute /> },
      { path: '/account', element: <AccountRoute /> },
      { path: '/admin/users', element: <UsersRoute /> },
      { path: '/projects/:projectId/analysis/:view?', element: <AnalysisRoute /> },
      { path: '/projects/:projectId/agreement', element: <AgreementRoute /> },
      {
        path: '/projects/:projectId/agreement/review/:documentId',
        element: <AgreementReviewRoute />,
      },
      { path: '/projects/:projectId/progress', element: <ProgressRoute /> },
      { path: '/projects/:projectId/memos', element: <MemosRoute /> },
      { path: '/projects/:projectId/codebook', element: <CodebookRoute /> },
      { path: '/projects/:projectId/activity', element: <ActivityRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
