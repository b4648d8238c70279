/**
 * Spreads studies over coders so each study gets `perStudy` of them and every coder about the
 * same number of studies: study i goes to coders i·k, i·k+1, … (mod n). With k = n every coder
 * gets every study; with k = 1 the studies are split evenly; with k = 2 of 4 coders each study is
 * double-coded and each coder has half of them. Returns [studyId, userId] pairs in study order.
 */
export function distributeStudies(
  studyIds: readonly string[],
  userIds: readonly string[],
  perStudy: number = userIds.length,
): Array<[string, string]> {
  const n = userIds.length;
  const k = Math.min(Math.max(1, Math.floor(perStudy)), n);
  const pairs: Array<[string, string]> = [];
  studyIds.forEach((studyId, i) => {
    for (let j = 0; j < k; j++) pairs.push([studyId, userIds[(i * k + j) % n]!]);
  });
  return pairs;
}
