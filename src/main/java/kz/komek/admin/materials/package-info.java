/** The editors' videos and documents (materials): list, drafts, publishing and scheduling, unpublishing, history and restoring, and their pages; uses the admin root, the audit log, bundle records and the catalog's section tree. */
package kz.komek.admin.materials;
