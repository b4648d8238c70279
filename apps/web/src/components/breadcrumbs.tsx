import { Link } from 'react-router';

export interface Crumb {
  label: string;
  /** Omitted for the current page, which is not a link. */
  to?: string;
}

/** The trail after the "Kodbok" home link: project ▸ study. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      {items.length > 0 && (
        <ol>
          {items.map((item, i) => (
            <li key={`${i}-${item.label}`}>
              {item.to ? (
                <Link to={item.to} title={item.label}>
                  {item.label}
                </Link>
              ) : (
                <span aria-current="page" title={item.label}>
                  {item.label}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
