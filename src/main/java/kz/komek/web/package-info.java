/** Routing only: every URL in {@code Routes} (the table of contents), the one place that maps errors to responses, and static assets. */
package kz.komek.web;
