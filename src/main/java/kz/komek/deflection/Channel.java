package kz.komek.deflection;

/** Where a message came from: the hand-off form on komek's pages, or an integrator through the API. */
public enum Channel {
    PAGE,
    API;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Channel parse(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
