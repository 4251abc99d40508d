/** Database plumbing only: the embedded or external PostgreSQL, the connection pool, JDBI, the migrations and hearing that content changed (LISTEN/NOTIFY); no domain knowledge. */
package kz.komek.storage;
