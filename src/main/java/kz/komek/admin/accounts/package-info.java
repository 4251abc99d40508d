/** Users, API tokens, sessions and sign-in, with the gate in front of every admin request and the users and account pages; uses the admin root, the audit log and search's keyboard layouts (common passwords typed with a Cyrillic layout on). */
package kz.komek.admin.accounts;
