package kz.komek.admin.accounts;

import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/** Model of {@code admin/account.jte}: any signed-in user changes their own password. */
public record AccountPage(AdminFrame frame, Optional<String> message, Optional<String> error) implements FramedPage {}
