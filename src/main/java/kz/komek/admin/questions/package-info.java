/** The question editor: drafts, publishing and scheduling, revisions and their diffs, per-platform preview, lint, and its pages and API; uses the admin root, the audit log, bundle records and the catalog's reader pages (for the preview). */
package kz.komek.admin.questions;
