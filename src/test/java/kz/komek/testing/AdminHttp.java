package kz.komek.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.AdminCookies;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import org.jsoup.Jsoup;

/** Requests as an editor's browser or a script sends them to the admin; cookies are handled by hand, visibly. */
public final class AdminHttp {
    public static final String PASSWORD = "correct horse battery";

    private final TestApp app;

    public AdminHttp(TestApp app) {
        this.app = app;
    }

    /** A signed-in browser: its session cookie and the CSRF token its pages carry. */
    public record Session(String cookie, String csrf) {}

    /** The sign-in form as a browser gets it: the sign-in cookie and the form's hidden fields. */
    public record Form(String loginCookie, String csrf, String next, HttpResponse<String> response) {}

    public Form loginForm(String query, String... headers) {
        var r = get("/admin/login" + query, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var doc = Jsoup.parse(r.body());
        return new Form(
                cookie(r, AdminCookies.LOGIN).orElseThrow(),
                doc.selectFirst("input[name=_csrf]").val(),
                doc.selectFirst("input[name=next]").val(),
                r);
    }

    /** Posts the sign-in form as the page made it. */
    public HttpResponse<String> signIn(String name, String password, String next, String... headers) {
        var form = loginForm("");
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", form.csrf());
        fields.put("next", next);
        fields.put("name", name);
        fields.put("password", password);
        return postForm("/admin/login", fields, Optional.of(AdminCookies.LOGIN + "=" + form.loginCookie()), headers);
    }

    /** Signs in and reads the CSRF token from the landing page's sign-out form. */
    /**
     * The question editor's form as the page filled it, as a browser would send it: inputs and text areas, ticked
     * boxes only (a text area's lines as they are), and the section chosen; without the schedule time, and with
     * {@code action=save}.
     */
    public static LinkedHashMap<String, String> questionForm(org.jsoup.nodes.Document editor) {
        var form = new LinkedHashMap<String, String>();
        for (var field : editor.select("#question-form input[name], #question-form textarea[name]")) {
            boolean box = field.attr("type").equals("checkbox");
            if (!box || field.hasAttr("checked")) {
                form.put(
                        field.attr("name"),
                        box ? "on" : field.tagName().equals("textarea") ? field.wholeText() : field.val());
            }
        }
        form.put("place", editor.selectFirst("#q-place option[selected]").val());
        form.put("action", "save");
        form.remove("at");
        return form;
    }

    public Session session(String name, String password) {
        var r = signIn(name, password, "/admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String cookie = cookie(r, AdminCookies.SESSION).orElseThrow();
        var home = get("/admin", "Cookie", AdminCookies.SESSION + "=" + cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        String csrf = Jsoup.parse(home.body())
                .selectFirst("form[action=/admin/logout] input[name=_csrf]")
                .val();
        return new Session(cookie, csrf);
    }

    public HttpResponse<String> get(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path))).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b.build());
    }

    public HttpResponse<String> withSession(String path, Session s) {
        return get(path, "Cookie", AdminCookies.SESSION + "=" + s.cookie());
    }

    public HttpResponse<String> withToken(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    /** Posts a form as the signed-in browser of {@code s} would (its cookie; the fields must carry _csrf). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, Session s) {
        return postForm(path, fields, Optional.of(AdminCookies.SESSION + "=" + s.cookie()));
    }

    public HttpResponse<String> postForm(
            String path, Map<String, String> fields, Optional<String> cookie, String... headers) {
        String body = TestApp.formBody(fields);
        var b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        cookie.ifPresent(c -> b.header("Cookie", c));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b.build());
    }

    public HttpResponse<String> post(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path))).POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b.build());
    }

    /**
     * Submits a form of the page at {@code page} as the signed-in browser of {@code s} would: the form's fields as the
     * page filled them (ticked boxes, chosen options), then {@code fields} over them (a button's name and value
     * too). Follows no redirect.
     */
    public HttpResponse<String> submit(Session s, String page, String form, Map<String, String> fields) {
        var r = withSession(page, s);
        assertThat(r.statusCode()).as(page).isEqualTo(200);
        var doc = Jsoup.parse(r.body(), app.url(page));
        var f = doc.selectFirst(form);
        assertThat(f).as(form + " on " + page).isNotNull();
        var values = new LinkedHashMap<String, String>();
        for (var field : f.select("input[name], textarea[name], select[name]")) {
            String type = field.attr("type");
            if (type.equals("submit") || type.equals("file") || field.hasAttr("disabled")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                continue;
            }
            String value = switch (field.tagName()) {
                case "textarea" -> field.wholeText();
                case "select" -> {
                    var chosen = field.selectFirst("option[selected]");
                    var option = chosen != null ? chosen : field.selectFirst("option");
                    yield option == null ? "" : option.val();
                }
                default -> type.equals("checkbox") && !field.hasAttr("value") ? "on" : field.val();
            };
            values.put(field.attr("name"), value);
        }
        values.putAll(fields);
        String action = f.attr("action").isEmpty() ? page : f.attr("action");
        return postForm(action.replaceFirst("^https?://[^/]+", ""), values, s);
    }

    /** A multipart/form-data post of {@code fields} and one file, as a browser sends an upload form. */
    public HttpResponse<String> upload(
            Session s, String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----komek" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", AdminCookies.SESSION + "=" + s.cookie())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** Every Set-Cookie header for a cookie name. */
    public static List<String> setCookies(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "="))
                .toList();
    }

    /** A Set-Cookie header that makes the browser forget the cookie (Jetty says so with an expiry in 1970). */
    public static void removes(String setCookie) {
        assertThat(setCookie).startsWith(setCookie.substring(0, setCookie.indexOf('=') + 1) + ";");
        assertThat(setCookie).containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /** The value a response sets for a cookie (the first, when set for several paths), unless it removes it. */
    public static Optional<String> cookie(HttpResponse<?> r, String name) {
        return setCookies(r, name).stream()
                .map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    /** Adds a user with {@code role} (password {@link #PASSWORD}) and returns a new API token of theirs. */
    public String token(String name, Role role) {
        var accounts = app.app().accounts();
        accounts.addUser(new UserName(name), role, new Password(PASSWORD));
        return accounts.createToken(new UserName(name), "test").value();
    }

    /** A JSON request to the API as a script sends it: with the token when there is one, and any other headers. */
    public HttpResponse<String> json(
            String method, String path, Optional<String> token, String body, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return app.send(b.build());
    }
}
