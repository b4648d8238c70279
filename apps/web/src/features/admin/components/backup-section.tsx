import { backupDownloadUrl } from '../api/backup-download';

/**
 * The instance owner's backup: a download of the whole database, and how to put one back. The
 * restore needs the server stopped, so it is a command on the server, not a button here.
 */
export function BackupSection() {
  return (
    <section className="section page-narrow-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p>
        Download a copy of everything on this Kodbok instance (accounts, projects, studies,
        codebooks, coding and memos) as one SQLite file. It is made while everyone keeps working and
        is checked before it is sent; a large database takes a little while to start.
      </p>
      <div className="actions">
        <a className="button button-primary" href={backupDownloadUrl()} download>
          Download backup
        </a>
      </div>
      <p>
        To restore a backup, stop the server, run this in the Kodbok folder, then start the server
        again (the README has the details):
      </p>
      <pre className="code">npm run restore -- kodbok-backup-…sqlite</pre>
    </section>
  );
}
