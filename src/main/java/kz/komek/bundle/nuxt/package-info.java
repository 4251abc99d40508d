/** Reads the original help center's Nuxt page payloads (devalue arrays, possibly cut off) into bundle records. */
package kz.komek.bundle.nuxt;
