package kz.komek.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server under attack: its port, and what a signed-in editor has (an admin's session cookie with its CSRF
 * token, and an admin's API token), so that requests get past the gate to the handlers behind it.
 */
record Target(Raw raw, Optional<Session> session, Optional<String> token) {
    record Session(String cookie, String csrf) {}

    /** A route as {@code web/Routes} declares it: method and path pattern. */
    record Route(String method, String pattern) {
        boolean admin() {
            return pattern.startsWith("/admin") || pattern.startsWith("/api/v1/admin");
        }

        boolean takesBody() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    private static final Pattern ROUTE =
            Pattern.compile("(?:get\\(r, |r\\.(post|put|patch|delete)\\()\\s*\"([^\"]+)\"");

    /**
     * Every route, read from {@code src/main/java/kz/komek/web/Routes.java} (the one file that lists them), so
     * that a route added there is attacked without anyone remembering to add it here. GET routes answer HEAD too.
     */
    static List<Route> routes(Path repo) {
        String source;
        try {
            source = Files.readString(repo.resolve("src/main/java/kz/komek/web/Routes.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var routes = new ArrayList<Route>();
        var m = ROUTE.matcher(source);
        while (m.find()) {
            String method = m.group(1) == null ? "GET" : m.group(1).toUpperCase(java.util.Locale.ROOT);
            routes.add(new Route(method, m.group(2)));
            if (method.equals("GET")) {
                routes.add(new Route("HEAD", m.group(2)));
            }
        }
        if (routes.size() < 50) {
            throw new IllegalStateException(
                    "read only " + routes.size() + " routes from Routes.java: has it changed shape?");
        }
        return routes;
    }

    /**
     * A path of the route with real values: a demo question, its section, a user that is not the attacker (so that a
     * request that gets through disables or resets somebody else), a token id nobody has (so the attacker's own token
     * is never revoked).
     */
    static String concrete(String pattern) {
        boolean tokens = pattern.contains("/tokens/");
        String p = pattern.replace("{site}", "client")
                .replace("{locale}", "ru")
                .replace("{file}", "komek.css")
                .replace("{name}", "victim")
                .replace("{rev}", "1")
                .replace("{question}", "462")
                .replace("{id}", tokens ? "999999" : pattern.contains("/sections/") ? "2" : "462");
        if (p.startsWith("/api/v1/sections/<path>")) {
            return "/api/v1/sections/bonus/save?site=client&locale=ru";
        }
        return p.replace("<path>", "bonus/save/general/q462");
    }

    /** Headers that sign the request in, by the route's kind and a turn: anonymous, session + CSRF, or token. */
    List<String> auth(Route route, int turn) {
        var h = new ArrayList<String>();
        if (!route.admin()) {
            return h;
        }
        if (route.pattern().equals("/admin/logout")) {
            // signing out for real would end the session every later request and part uses: a forged one instead
            if (turn % 3 != 0) {
                h.add("Cookie: komek_admin=forged-session-value");
                h.add("X-CSRF-Token: forged-csrf-value");
            }
            return h;
        }
        switch (turn % 3) {
            case 1 ->
                session.ifPresent(s -> {
                    h.add("Cookie: komek_admin=" + s.cookie());
                    h.add("X-CSRF-Token: " + s.csrf());
                    h.add("Origin: http://127.0.0.1:" + raw.port());
                    h.add("Sec-Fetch-Site: same-origin");
                });
            case 2 -> token.ifPresent(t -> h.add("Authorization: Bearer " + t));
            default -> {}
        }
        return h;
    }
}
