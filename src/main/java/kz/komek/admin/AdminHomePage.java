package kz.komek.admin;

/** Model of {@code admin/home.jte}: the signed-in landing page. */
public record AdminHomePage(AdminFrame frame) {
    public String t(AdminText text) {
        return frame.t(text);
    }

    public boolean viaToken() {
        return frame.principal().via() == Principal.Via.TOKEN;
    }
}
