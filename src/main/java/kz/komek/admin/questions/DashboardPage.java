package kz.komek.admin.questions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;

/** Model of {@code admin/home.jte}: the signed-in landing page with what waits for an editor. */
public record DashboardPage(AdminFrame frame, List<RevisionStore.Pending> pending, ZoneId zone) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public DashboardPage {
        pending = List.copyOf(pending);
    }

    public String t(AdminText text) {
        return frame.t(text);
    }

    public boolean viaToken() {
        return frame.principal().via() == Principal.Via.TOKEN;
    }

    public boolean mayEdit() {
        return frame.principal().may(Role.EDITOR);
    }

    public String status(RevisionStore.Pending p) {
        return p.status().label(frame.locale());
    }

    public String when(RevisionStore.Pending p) {
        return SHOWN.format(p.savedAt().atZone(zone));
    }

    public String href(String path) {
        return frame.href(path);
    }
}
