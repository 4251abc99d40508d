/** The two content locales and the two-language text machinery of the interface; depends on nothing of komek. */
package kz.komek.i18n;
