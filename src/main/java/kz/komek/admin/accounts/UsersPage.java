package kz.komek.admin.accounts;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/**
 * Model of {@code admin/users.jte} (admins): every user with their role, status, creation and last sign-in, the forms
 * to disable, enable and change a role, and the form to add a user.
 *
 * @param message what the last post did (after its redirect)
 * @param error why the last post was refused; {@code name} and {@code role} then hold what was typed
 * @param newToken a token just created: its value, shown this once
 */
public record UsersPage(
        AdminFrame frame,
        List<Row> users,
        List<RoleOption> roles,
        Optional<String> message,
        Optional<String> error,
        String name,
        String role,
        List<TokenRow> tokens,
        Optional<Accounts.NewToken> newToken)
        implements FramedPage {

    /** An active API token; its value is never shown again. */
    public record TokenRow(long id, String user, String label, String created, String lastUsed) {}

    public record Row(
            String name,
            String role,
            String roleCode,
            boolean disabled,
            String created,
            String lastSignIn,
            boolean you) {}

    public record RoleOption(String code, String label) {}
}
