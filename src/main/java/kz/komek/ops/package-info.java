/**
 * Operations: what a load balancer and an on-call engineer ask of a node (decision 0041). Readiness (the database
 * probed once for a flood of checks, the schema's migrations, the search index's state, the drain), the health
 * routes, who may read {@code /metrics} (a listener of its own, or a bearer token), request metrics by route kind, and
 * request ids. Uses {@code http/} and nothing of the features: App hands it what it reports on as functions.
 */
package kz.komek.ops;
