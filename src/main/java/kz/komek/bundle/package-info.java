/** The komek-bundle/1 format: its records ({@code Bundle}, the content model every writer shares), JSON reading and writing, and {@code BundleStore}, which imports and exports them all or nothing. */
package kz.komek.bundle;
