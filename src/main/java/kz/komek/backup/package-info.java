/** Backups of everything komek stores and their restore ({@code komek-backup/1}: a zip of one PostgreSQL COPY file per table and a manifest); uses storage/ and progress/ only, and knows no feature: its tables come from the database's catalog. */
package kz.komek.backup;
