/** The picocli commands (serve, import, export, lint, user, token, generate, search-eval, backup, restore); the top of the program beside {@code App}, free to use every feature. */
package kz.komek.cli;
