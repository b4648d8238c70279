/**
 * GET /api/projects/:projectId/exports/project.qdpx and codebook.qdc: downloads, started by a
 * link (the browser saves the file; Content-Disposition names it).
 */
export const projectQdpxUrl = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/exports/project.qdpx`;

export const codebookQdcUrl = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/exports/codebook.qdc`;
