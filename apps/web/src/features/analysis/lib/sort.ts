/** A share of studies as a percentage for tables; "—" when undefined (no studies). */
export const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
