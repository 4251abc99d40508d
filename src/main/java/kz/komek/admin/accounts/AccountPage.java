package kz.komek.admin.accounts;

import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;

/** Model of {@code admin/account.jte}: any signed-in user changes their own password. */
public record AccountPage(AdminFrame frame, Optional<String> message, Optional<String> error) {
    public String t(AdminText text) {
        return frame.t(text);
    }

    public String csrf() {
        return frame.csrf().orElse("");
    }

    public String href(String path) {
        return frame.href(path);
    }
}
