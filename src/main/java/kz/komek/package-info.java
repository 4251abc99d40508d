/** The composition root: {@code App} wires every feature with {@code new}; {@code Config} is read once from flags and the environment. */
package kz.komek;
