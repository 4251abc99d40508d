/**
 * Analytics for editors (decision 0046): what readers viewed, voted and searched for, and what the answers before a
 * human achieved, per site, locale and period; the page with server-drawn charts, its CSV files and the JSON API, and
 * the upkeep that keeps raw events and per-day counts within the retention. Reads other features' tables with its own
 * SQL; uses the admin root only.
 */
package kz.komek.admin.analytics;
