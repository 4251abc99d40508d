/** Answer rendering: platform spans, macros, links and sanitizing, compiled once and rendered per platform; pure functions that use only i18n. */
package kz.komek.content;
