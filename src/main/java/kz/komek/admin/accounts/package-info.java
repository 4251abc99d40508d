/** Users, API tokens, sessions and sign-in, with the gate in front of every admin request and the users and account pages; uses the admin root and the audit log. */
package kz.komek.admin.accounts;
