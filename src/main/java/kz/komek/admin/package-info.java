/** The editors' admin: who acts ({@code Principal}, {@code Role}, {@code Actor}), the access checks and the admin pages' frame and texts; its rooms (accounts, audit, questions, sections, transfer) use this package, never the other way round. */
package kz.komek.admin;
