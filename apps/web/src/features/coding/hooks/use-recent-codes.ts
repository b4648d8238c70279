import { useState } from 'react';

const MAX_RECENT = 9;

/**
 * The codes used last, most recent first, kept per project in localStorage: an analyst coding
 * study after study reaches for the same few codes, and the picker lists them first.
 */
export function useRecentCodes(projectId: string) {
  const key = `kodbok:recent-codes:${projectId}`;
  const [recent, setRecent] = useState<string[]>(() => read(key));
  const noteUsed = (codeIds: readonly string[]) => {
    const next = [...codeIds, ...recent.filter((id) => !codeIds.includes(id))].slice(0, MAX_RECENT);
    setRecent(next);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Private mode or a full quota: the order is a convenience, not data.
    }
  };
  return [recent, noteUsed] as const;
}

function read(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
