const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "28 Nov 2026, 10:00" in the reader's locale. */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
