// The prefix of every cached study list of a project (each search and coder choice is its own
// entry under it). Shared: the studies feature reads the lists, and coding changes their counts,
// and features may not import each other.
export function studiesQueryKey(projectId: string) {
  return ['projects', projectId, 'studies'] as const;
}
