/** Content komek makes itself: the demo help center loaded on first start and the realistic bundles of any size for benchmarks. */
package kz.komek.generate;
