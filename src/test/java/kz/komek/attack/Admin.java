package kz.komek.attack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Signs in to the admin as a browser does (sign-in form, its cookie and field) and returns the session. */
final class Admin {
    static final String NAME = "attacker";
    static final String PASSWORD = "attack-suite-password-1";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Admin() {}

    static Target.Session signIn(int port, String name, String password) {
        String base = "http://127.0.0.1:" + port;
        var form = send(
                HttpRequest.newBuilder(URI.create(base + "/admin/login")).GET().build());
        String login = cookie(form, "komek_login");
        String csrf = match(CSRF, form.body());
        String body = "_csrf=" + enc(csrf) + "&next=%2Fadmin&name=" + enc(name) + "&password=" + enc(password);
        var signedIn = send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "komek_login=" + login)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode() + ": " + signedIn.body());
        }
        String session = cookie(signedIn, "komek_admin");
        var home = send(HttpRequest.newBuilder(URI.create(base + "/admin"))
                .header("Cookie", "komek_admin=" + session)
                .GET()
                .build());
        return new Target.Session(session, match(CSRF, home.body()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String match(Pattern p, String text) {
        var m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in the page");
        }
        return m.group(1);
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "=") && !h.startsWith(name + "=;"))
                .map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
