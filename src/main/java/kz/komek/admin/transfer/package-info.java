/** Import and export of the whole help center from the admin (bundle or Nuxt payload, dry run first), with its page and API; uses bundle and the audit log. */
package kz.komek.admin.transfer;
