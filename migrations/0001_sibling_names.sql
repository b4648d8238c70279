-- Custom SQL migration file, put your code below! ---- Sibling code names are unique within a project (ASCII case-insensitively; the service also
-- normalises Unicode case and spacing before this backstop is reached).
CREATE UNIQUE INDEX `codes_sibling_name_uq` ON `codes` (`project_id`, coalesce(`parent_id`, ''), lower(`name`));
