/** Database plumbing only: the embedded or external PostgreSQL, the connection pool, JDBI and the migrations; no domain knowledge. */
package kz.komek.storage;
