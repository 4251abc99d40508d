/** What every handler may throw or read about a request: the HTTP error types that {@code web.Errors} maps to responses, and the client address; uses i18n only. */
package kz.komek.http;
