package kz.komek.brand;

import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * Whose help center the pages are: the name the header and titles show, and the operator's logo. Without branding
 * it is komek's own name and drawn logo.
 *
 * @param names the name per locale; a locale without one shows the default locale's
 * @param logoHref where the operator's logo is served; empty: komek's drawn logo with the name beside it
 */
public record Brand(Map<Locale, String> names, Optional<String> logoHref) {
    public static final Brand DEFAULT = new Brand(Map.of(Locale.RU, "komek", Locale.KZ, "komek"), Optional.empty());

    public Brand {
        names = Map.copyOf(names);
        if (!names.containsKey(Locale.RU)) {
            throw new IllegalArgumentException("a brand needs its name in ru, the default locale");
        }
        names.values().forEach(n -> {
            if (n.isBlank() || n.length() > 80) {
                throw new IllegalArgumentException("a brand name is 1 to 80 characters");
            }
        });
    }

    public String name(Locale locale) {
        return names.getOrDefault(locale, names.get(Locale.RU));
    }
}
