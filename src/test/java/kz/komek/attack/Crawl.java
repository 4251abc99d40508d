package kz.komek.attack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The malformed-request crawl: every route of {@code web/Routes} with broken paths and encodings, hostile headers
 * and, on every route that takes a body, broken bodies; admin routes anonymously, with a session and CSRF token,
 * and with an API token. Sent as raw bytes (no client would send most of them). Deterministic for a seed.
 */
final class Crawl {
    private final Target target;
    private final List<Target.Route> routes;

    Crawl(Target target, List<Target.Route> routes) {
        this.target = target;
        this.routes = routes;
    }

    /** Every request the crawl knows for its routes, in a seeded order. */
    List<Req> catalogue(long seed) {
        var all = new ArrayList<Req>();
        int turn = 0;
        for (var route : routes) {
            String path = Target.concrete(route.pattern());
            for (int auth = 0; auth < (route.admin() ? 3 : 1); auth++) {
                var base = Req.of(route.method() + " " + route.pattern(), route.method(), path)
                        .with(target.auth(route, auth).toArray(String[]::new));
                for (String p : paths(path, route)) {
                    all.add(base.target(p).label(base.label() + " path"));
                }
                for (var h : headers(base)) {
                    all.add(h);
                }
                if (route.takesBody()) {
                    for (var b : bodies(base)) {
                        all.add(b);
                    }
                }
                turn++;
            }
            for (var r : requestLines(Req.of(route.method() + " " + route.pattern(), route.method(), path))) {
                all.add(r);
            }
        }
        Collections.shuffle(all, new Random(seed));
        return all;
    }

    /** Sends {@code n} requests of the catalogue (all of it, and round again, when it is shorter). */
    Tally run(int n, int threads, long seed) throws InterruptedException {
        return run(catalogue(seed), n, threads);
    }

    Tally run(List<Req> all, int n, int threads) throws InterruptedException {
        var tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < n; i++) {
            Req r = all.get(i % all.size());
            pool.execute(() -> tally.add(r, target.raw().send(r)));
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("the crawl did not finish within 30 minutes");
        }
        return tally;
    }

    static List<String> paths(String path, Target.Route route) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        var p = new ArrayList<String>();
        for (String tail : List.of(
                "/",
                "//",
                "%",
                "%zz",
                "%0",
                "%00",
                "\0",
                "%c0%af",
                "%e0%80%af",
                "%c0%ae%c0%ae/",
                "%ff%fe",
                "%ed%a0%80",
                "%f4%90%80%80",
                "\u00ff\u00fe",
                "/../../../../etc/passwd",
                "/..%2f..%2f..%2fetc%2fpasswd",
                "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/..\\..\\..\\windows\\win.ini",
                ";jsessionid=abc",
                ";a=b/c",
                "/.",
                "/%2e",
                "%2f",
                "%5c",
                "/" + "a".repeat(10_000),
                "/a".repeat(2_000),
                Req.utf8("/ｑ462"),
                Req.utf8("/\u202egnp.exe"),
                Req.utf8("/😀"),
                Req.utf8("/қ\u0301"),
                "/%D2%9B%D0%B0%D0%B7",
                Req.utf8("\uFEFF"),
                "#fragment",
                "/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "'\"><svg onload=alert(1)>")) {
            p.add(bare + tail + query);
        }
        p.add("/" + bare);
        p.add(bare.toUpperCase(java.util.Locale.ROOT) + query);
        p.add(bare.replace("/", "//") + query);
        p.add(bare.replace("/", "/./") + query);
        p.add(bare.replace("/", "%2f") + query);
        p.add("/static/..%2f..%2fpom.xml");
        p.add("/static/%2e%2e/%2e%2e/README.md");
        p.add(bare + "?" + "a".repeat(100_000));
        String q = query.isEmpty() ? "?" : query + "&";
        for (String param : List.of(
                "",
                "&&&",
                "a=%",
                "%zz=1",
                "q=" + "я".repeat(20),
                "q=" + "x".repeat(50_000),
                "q=%00",
                "q=%ff%fe",
                "q=%F0%9F%98%80",
                "q=" + Req.utf8("\u0000\u202e"),
                "q=<script>alert(1)</script>",
                "locale=xx",
                "locale=ru&locale=kz",
                "locale=",
                "site=nosuch",
                "site=../..",
                "platform=evil",
                "platform=",
                "limit=-1",
                "limit=0",
                "limit=99999999999999999999",
                "limit=1e309",
                "site[]=x&site[a]=y",
                "lang=<script>",
                "lang=kz&lang=ru",
                "next=//evil.example/",
                "next=javascript:alert(1)",
                "next=%2F%2Fevil.example",
                "from=garbage&to=garbage&before=x",
                "from=-1&to=99999999999",
                "actor=%00&action=%ff&object_type=&object_id=x",
                "dry_run=maybe",
                "user=%00",
                "id=1&id=2&id=3")) {
            p.add(bare + q + param);
        }
        if (route.pattern().contains("{id}") || route.pattern().contains("{question}")) {
            for (String id : List.of(
                    "-1",
                    "0",
                    "99999999999999999999",
                    "9223372036854775807",
                    "1e3",
                    "abc",
                    "%00",
                    "1;DROP%20TABLE%20question",
                    "q462",
                    "0x1F",
                    Req.utf8("٣"),
                    Req.utf8("１"),
                    "%20462",
                    "462.0",
                    "+462")) {
                p.add(path.replace("462", id).replace("999999", id));
            }
        }
        if (route.pattern().contains("{name}")) {
            for (String name :
                    List.of("ghost", "%00", "a".repeat(5000), "..", "victim%2f..", Req.utf8("Вася"), "%ff")) {
                p.add(path.replace("victim", name));
            }
        }
        if (route.pattern().contains("{site}") || route.pattern().contains("{locale}")) {
            for (String s : List.of("admin", "api", "static", "%00", "CLIENT", "..", "a".repeat(300))) {
                p.add(path.replaceFirst("/client/", "/" + s + "/"));
            }
            for (String l : List.of("en", "RU", "k%7A", "%00", Req.utf8("ру"))) {
                p.add(path.replaceFirst("/ru(/|$)", "/" + l + "$1"));
            }
        }
        return p;
    }

    List<Req> headers(Req base) {
        var h = new ArrayList<Req>();
        String l = base.label() + " header ";
        String big = "x".repeat(20_000);
        String[][] sets = {
            {"Host: 127.0.0.1", "Host: evil.example"},
            {"-Host"},
            {"Host: " + "h".repeat(5000)},
            {"Host: evil.example"},
            {"Host: [::1"},
            {"Host: a b"},
            {"Host: <script>alert(1)</script>"},
            {"Host: 127.0.0.1:-1"},
            {"Host: "},
            {"X-Big: " + big},
            {"X-Fine: 1", "X-Fine: 2", "X-Fine: 3"},
            manyHeaders(300),
            {"Cookie: komek_admin=garbage; komek_visitor=garbage"},
            {"Cookie: komek_admin=" + "A".repeat(4000)},
            {"Cookie: komek_visitor=AAAAAAAAAAAAAAAAAAAAAA; komek_visitor=BBBBBBBBBBBBBBBBBBBBBB"},
            {"Cookie: " + "c=1; ".repeat(1500)},
            {"Cookie: a=\"\\\"; b=;;; =c; $Version=1; komek_login=%00"},
            {"Cookie: komek_admin=" + Req.utf8("ключ") + "; komek_login=\u00ff"},
            {"X-Forwarded-For: garbage, , ,::::, 999.999.999.999"},
            {"X-Forwarded-For: " + "1.2.3.4, ".repeat(1000) + "5.6.7.8"},
            {"X-Forwarded-For: [::1]:80, unknown, fe80::1%eth0"},
            {"X-Forwarded-Proto: https, http", "X-Forwarded-Host: evil.example", "X-Forwarded-Port: -1"},
            {"X-Forwarded-Proto: javascript", "X-Forwarded-Host: <script>", "Forwarded: for=\"[::1\";proto=x"},
            {"X-Real-IP: %00", "X-Forwarded-Server: " + big.substring(0, 3000)},
            {"Accept-Language: " + "ru;q=0.5, ".repeat(500)},
            {"Accept-Language: *;q=nan, kz;q=-1, ru;q=1e999, ;;;"},
            {"Accept: */*;q=x, text/html;level=\u00ff"},
            {"Accept-Encoding: gzip;q=NaN, br;q=-5"},
            {"User-Agent: " + "Mozilla/5.0 (iPhone) ".repeat(300)},
            {"User-Agent: "},
            {"User-Agent: KomekApp/9 Android iPhone Googlebot curl/8"},
            {"If-None-Match: garbage", "If-Modified-Since: garbage"},
            {"If-None-Match: *", "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT"},
            {"If-None-Match: W/\"" + "x".repeat(3000) + "\"", "If-Modified-Since: Fri, 31 Dec 9999 23:59:59 GMT"},
            {"Range: bytes=garbage"},
            {"Range: bytes=" + "0-0,".repeat(1000) + "0-0"},
            {"Authorization: Bearer "},
            {"Authorization: Bearer komek_" + "A".repeat(43)},
            {"Authorization: Bearer " + Req.utf8("ключ") + "\u0000"},
            {"Authorization: Basic !!!!"},
            {"Authorization: " + big.substring(0, 6000)},
            {"Origin: null", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate"},
            {"Origin: http://evil.example", "Referer: javascript:alert(1)"},
            {"Content-Type: ;;;==", "Content-Type: application/json"},
            {"X-Folded: a", " folded continuation"},
            {"No colon here"},
            {"Bad Header: x"},
            {": empty name"},
            {"X-Nul: a\0b"},
            {"X-Cr: a\rb"},
            {"X-Utf8: " + Req.utf8("көмек 😀")},
            {"X-Latin1: \u00e9\u00ff\u0080"},
            {"Expect: 100-continue"},
            {"Expect: garbage"},
            {"Connection: Upgrade, HTTP2-Settings", "Upgrade: h2c", "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA"},
            {"Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Key: x", "Sec-WebSocket-Version: 13"},
            {"Transfer-Encoding: chunked"},
            {"Transfer-Encoding: gzip, identity"},
            {"X-HTTP-Method-Override: DELETE", "X-Method-Override: PUT"},
            {"X-Request-Id: " + "r".repeat(5000)},
            {"X-Request-Id: <script>alert(1)</script>"},
            {"Content-Length: 0", "Content-Length: 5"},
            {"Content-Length: abc"},
            {"Sec-Purpose: prefetch", "Purpose: prefetch", "X-Moz: prefetch"},
            {"Max-Forwards: 0"},
        };
        for (int i = 0; i < sets.length; i++) {
            h.add(base.with(sets[i]).label(l + i));
        }
        return h;
    }

    private static String[] manyHeaders(int n) {
        var a = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = "X-H" + i + ": " + i;
        }
        return a;
    }

    List<Req> requestLines(Req base) {
        var r = new ArrayList<Req>();
        String l = base.label() + " line ";
        int port = target.raw().port();
        r.add(base.version("HTTP/1.0").label(l + "1.0"));
        r.add(base.version("HTTP/1.0").with("-Host").label(l + "1.0 no host"));
        r.add(base.version("HTTP/2.0").label(l + "2.0"));
        r.add(base.version("HTTP/9.9").label(l + "9.9"));
        r.add(base.version("HTTP/1.1 extra").label(l + "extra"));
        r.add(base.version("").label(l + "0.9"));
        r.add(base.version("http/1.1").label(l + "lower version"));
        r.add(new Req(
                l + "lower method",
                base.method().toLowerCase(java.util.Locale.ROOT),
                base.target(),
                "HTTP/1.1",
                List.of(),
                Req.NONE));
        r.add(base.target("http://127.0.0.1:" + port + base.target()).label(l + "absolute"));
        r.add(base.target("http://evil.example" + base.target()).label(l + "absolute foreign"));
        r.add(base.target("*").label(l + "asterisk"));
        r.add(base.target(base.target().substring(1)).label(l + "no slash"));
        r.add(base.target(base.target() + " HTTP/1.1\r\nX-Smuggled: 1").label(l + "smuggled line"));
        for (String m :
                List.of("OPTIONS", "TRACE", "CONNECT", "PUT", "DELETE", "PATCH", "FOO", "G\0ET", "M".repeat(300))) {
            r.add(new Req(l + m.length(), m, base.target(), "HTTP/1.1", List.of(), Req.NONE));
        }
        r.add(new Req(
                l + "propfind body",
                "PROPFIND",
                base.target(),
                "HTTP/1.1",
                List.of(),
                "<?xml version=\"1.0\"?><propfind/>".getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    /** Broken bodies of every kind, for a route that reads one. */
    List<Req> bodies(Req base) {
        var b = new ArrayList<Req>();
        String l = base.label() + " body ";
        String json = "application/json";
        String form = "application/x-www-form-urlencoded";
        b.add(base.body(json, "").label(l + "json empty"));
        b.add(base.body(json, "{").label(l + "json open"));
        b.add(base.body(json, "[]").label(l + "json array"));
        b.add(base.body(json, "null").label(l + "json null"));
        b.add(base.body(json, "\"x\"").label(l + "json string"));
        b.add(base.body(json, "{\"useful\": \"yes\", \"site\": 1, \"path\": [], \"titles\": \"x\", \"ids\": {}}")
                .label(l + "json types"));
        b.add(base.body(json, "[".repeat(5000) + "]".repeat(5000)).label(l + "json deep arrays"));
        b.add(base.body(json, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).label(l + "json deep objects"));
        b.add(base.body(json, "{\"comment\":\"" + "x".repeat(900_000) + "\"}").label(l + "json huge string"));
        b.add(base.body(
                        json,
                        "{\"useful\":false,\"reason\":\"other\",\"comment\":\"a\\u0000b\",\"title\":\"\\u0000\","
                                + "\"name\":\"\\u0000\",\"password\":\"\\u0000\",\"site\":\"\\u0000\",\"path\":\"\\u0000\"}")
                .label(l + "json NUL"));
        b.add(base.body(json, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '"', '}'
                })
                .label(l + "json invalid UTF-8"));
        b.add(base.body(json, "{\"comment\":\"\\ud800\",\"title\":\"\\udfff\\ud800\"}")
                .label(l + "json lone surrogate"));
        b.add(base.body(json, "{\"position\":1e999999,\"id\":99999999999999999999999,\"at\":-0}")
                .label(l + "json numbers"));
        b.add(base.body(json, "{\"useful\":true,\"useful\":false}").label(l + "json duplicate keys"));
        b.add(base.body(json, "\uFEFF{\"useful\":true}").label(l + "json BOM"));
        b.add(base.body("application/json; charset=utf-16", "{\"useful\":true}").label(l + "json utf-16 label"));
        b.add(base.body("application/json; charset=bogus", "{\"useful\":true}").label(l + "json bogus charset"));
        b.add(base.body(json, "{\"format\":\"komek-bundle/1\",\"sites\":[{\"slug\":\"../x\"}],\"questions\":[{}]}")
                .label(l + "json bundle shape"));
        b.add(base.body(form, "a=%zz&b&=&&=x&%").label(l + "form bad escapes"));
        b.add(base.body(form, "a=1&".repeat(10_000)).label(l + "form many params"));
        b.add(base.body(form, "_csrf=" + "x".repeat(500_000)).label(l + "form huge field"));
        b.add(base.body(form, "_csrf=%00&name=%00&password=%00&title=%00&ru_title=%00&useful=%00&reason=%00")
                .label(l + "form NUL"));
        b.add(base.body(
                        form,
                        "useful=maybe&reason=nonsense&comment=" + "к".repeat(2000) + "&place=x&position=-1&pinned=2")
                .label(l + "form wrong values"));
        b.add(base.body(form, new byte[] {'a', '=', (byte) 0xFF, (byte) 0xFE, '&', (byte) 0xC0, '=', '1'})
                .label(l + "form raw bytes"));
        b.add(base.body("multipart/form-data", "--x\r\n\r\n").label(l + "multipart no boundary"));
        b.add(base.body("multipart/form-data; boundary=x", "garbage without parts")
                .label(l + "multipart broken"));
        b.add(base.body(
                        "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{")
                .label(l + "multipart unterminated"));
        b.add(base.body(
                        "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\0.json\"\r\n"
                                + "Content-Type: application/json\r\n\r\n{\"format\":\"komek-bundle/1\"}\r\n--x\r\n"
                                + "Content-Disposition: form-data; name=\"site\"\r\n\r\n../\0\r\n--x--\r\n")
                .label(l + "multipart hostile filename"));
        b.add(base.body(
                        "multipart/form-data; boundary=x",
                        "--x\r\nX-" + "h".repeat(20_000) + ": 1\r\n\r\nv\r\n--x--\r\n")
                .label(l + "multipart huge part header"));
        b.add(base.body("multipart/form-data; boundary=" + "b".repeat(5000), "--" + "b".repeat(5000) + "--\r\n")
                .label(l + "multipart huge boundary"));
        b.add(base.body("text/plain", randomBytes(2000, base.target().hashCode()))
                .label(l + "random bytes"));
        b.add(base.body(
                        "application/xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .label(l + "xml entity"));
        b.add(base.body(null, "x").label(l + "no content type"));
        b.add(base.body(";;;==", "x").label(l + "garbage content type"));
        b.add(base.body(json, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3})
                .with("Content-Encoding: gzip")
                .label(l + "gzip garbage"));
        b.add(base.body(json, new byte[1_500_000]).label(l + "over max body"));
        b.add(base.body(json, chunked(new byte[1_500_000]))
                .with("Transfer-Encoding: chunked")
                .label(l + "chunked over max"));
        b.add(base.body(json, "zz\r\nabc\r\n0\r\n\r\n")
                .with("Transfer-Encoding: chunked")
                .label(l + "chunked malformed"));
        b.add(base.body(json, "{}").with("Content-Length: -1").label(l + "negative length"));
        b.add(base.body(json, "{}")
                .with("Content-Length: 2", "Content-Length: 7")
                .label(l + "two lengths"));
        b.add(base.body(json, "{}").with("Content-Length: 99999999999999999999").label(l + "huge length"));
        b.add(base.body(json, "{}").with("Content-Length: 200").label(l + "short body"));
        b.add(base.body(json, "2\r\n{}\r\n0\r\n\r\n")
                .with("Transfer-Encoding: chunked", "Content-Length: 3")
                .label(l + "chunked and length"));
        b.add(base.body(json, "{\"useful\":true}").with("Expect: 100-continue").label(l + "expect continue"));
        return b;
    }

    static byte[] randomBytes(int n, long seed) {
        var bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] chunked(byte[] body) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 65536) {
            int len = Math.min(65536, body.length - i);
            out.writeBytes((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, len);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
