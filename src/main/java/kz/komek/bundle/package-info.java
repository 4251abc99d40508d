/** The komek-bundle/1 format: its records ({@code Bundle}, the content model every writer shares), JSON reading and writing (a file streamed by {@code BundleReader}), and {@code BundleStore}, which imports and exports them all or nothing, a batch of questions at a time. */
package kz.komek.bundle;
