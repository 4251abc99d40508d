/** The audit log of every admin write, and its page; uses the admin root only. */
package kz.komek.admin.audit;
