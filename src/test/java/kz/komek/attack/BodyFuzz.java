package kz.komek.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;

/**
 * Body fuzzing of every route that takes a body (POST, PUT, PATCH, DELETE): a valid body per route (as a client
 * would send it, signed in where the route needs it, with the CSRF token in a header so that the body reaches the
 * handler), then mutated: bytes flipped, inserted, cut and repeated; JSON values swapped for hostile ones; form
 * fields emptied, doubled and filled with escapes; the content type swapped. Deterministic for a seed.
 */
final class BodyFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> TOKENS = List.of(
            "\"",
            "\\",
            "\\u0000",
            "\\ud800",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "-1",
            "1e400",
            "99999999999999999999",
            "%",
            "&",
            "=",
            "%00",
            "%zz",
            "\r\n--x\r\n",
            "\u0000",
            "😀",
            "\u202e",
            "<script>");

    private final Target target;
    private final List<Target.Route> routes;

    BodyFuzz(Target target, List<Target.Route> routes) {
        this.target = target;
        this.routes = routes.stream()
                .filter(Target.Route::takesBody)
                // signing out would end the session the rest of the run uses
                .filter(r -> !r.pattern().equals("/admin/logout"))
                .toList();
    }

    /** A route's valid body: its content type and text. */
    record Seed(String contentType, String body) {}

    Part run(int n, int threads, long seed) throws InterruptedException {
        String editorForm = editorForm();
        var tally = new Tally();
        var pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < n; i++) {
            var route = routes.get(i % routes.size());
            var random = new Random(seed * 1_000_003L + i);
            Req req = request(route, seed(route, editorForm), random, i / routes.size());
            pool.execute(() -> tally.add(req, target.raw().send(req)));
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        boolean pass = tally.serverErrors() == 0 && tally.traces() == 0;
        return Part.of(
                "body-fuzz",
                String.format(
                        "%d mutated bodies on %d routes: %d × 5xx, %d stack traces, %d unanswered; %s",
                        tally.sent(),
                        routes.size(),
                        tally.serverErrors(),
                        tally.traces(),
                        tally.unanswered(),
                        tally.statusSummary()),
                pass,
                tally.samples());
    }

    private Req request(Target.Route route, Seed seed, Random random, int round) {
        String path = Target.concrete(route.pattern());
        var headers = new ArrayList<String>();
        if (route.admin()) {
            if (route.pattern().startsWith("/api/") && round % 4 != 3) {
                target.token().ifPresent(t -> headers.add("Authorization: Bearer " + t));
            } else {
                target.session().ifPresent(s -> {
                    headers.add("Cookie: komek_admin=" + s.cookie());
                    headers.add("X-CSRF-Token: " + s.csrf());
                });
            }
        }
        String contentType = seed.contentType();
        if (random.nextInt(10) == 0) {
            contentType = List.of(
                            "application/json",
                            "application/x-www-form-urlencoded",
                            "text/plain",
                            "multipart/form-data; boundary=x",
                            "application/json; charset=latin1")
                    .get(random.nextInt(5));
        }
        byte[] body = round == 0 ? seed.body().getBytes(StandardCharsets.UTF_8) : mutate(seed, random);
        return Req.of(route.method() + " " + route.pattern() + " fuzz#" + round, route.method(), path)
                .with(headers.toArray(String[]::new))
                .body(contentType, body);
    }

    byte[] mutate(Seed seed, Random random) {
        String text = seed.body();
        if (seed.contentType().startsWith("application/json") && random.nextBoolean()) {
            text = mutateJson(text, random);
        } else if (seed.contentType().startsWith("application/x-www-form") && random.nextBoolean()) {
            text = mutateForm(text, random);
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int rounds = random.nextInt(3);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            b = mutateBytes(b, random);
        }
        return b;
    }

    private static byte[] mutateBytes(byte[] b, Random random) {
        int at = random.nextInt(b.length);
        var out = new java.io.ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> {
                b = b.clone();
                b[at] ^= (byte) (1 << random.nextInt(8));
                return b;
            }
            case 1 -> {
                out.write(b, 0, at);
                byte[] junk = new byte[1 + random.nextInt(20)];
                random.nextBytes(junk);
                out.writeBytes(junk);
                out.write(b, at, b.length - at);
            }
            case 2 -> {
                int len = random.nextInt(b.length - at) + 1;
                out.write(b, 0, at);
                out.write(b, at + len - 1, b.length - at - len + 1);
            }
            case 3 -> out.write(b, 0, at);
            case 4 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(40));
                out.write(b, 0, at + len);
                for (int i = 0; i < 1 + random.nextInt(50); i++) {
                    out.write(b, at, len);
                }
                out.write(b, at + len, b.length - at - len);
            }
            default -> {
                out.write(b, 0, at);
                out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
                out.write(b, at, b.length - at);
            }
        }
        return out.toByteArray();
    }

    static JsonNode hostile(Random random) {
        return switch (random.nextInt(22)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(true);
            case 2 -> F.numberNode(0);
            case 3 -> F.numberNode(-1);
            case 4 -> F.numberNode(Long.MAX_VALUE);
            case 5 -> F.numberNode(1e308);
            case 6 -> F.textNode("");
            case 7 -> F.textNode("x".repeat(100_000));
            case 8 -> F.arrayNode().add(1).add("a");
            case 9 -> F.objectNode().put("a", 1);
            case 10 -> nested(1000);
            case 11 -> F.textNode("a\u0000b");
            case 12 -> F.textNode("<script>alert(1)</script><img src=x onerror=alert(1)>");
            case 13 -> F.textNode("../../etc/passwd");
            case 14 -> F.textNode("2030-13-45T99:99:99");
            case 15 -> F.textNode(" ");
            case 16 -> F.textNode("\u202e\ud83d\ude00\u0301");
            case 17 -> F.textNode("\ud800");
            case 18 -> F.numberNode(new java.math.BigInteger("9".repeat(400)));
            case 19 -> F.textNode("%вставка остались_вопросы(%вставка x(%)%");
            case 20 -> F.textNode("client/../admin");
            default -> F.numberNode(-0.0);
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode n = F.arrayNode();
        for (int i = 0; i < depth; i++) {
            n = F.arrayNode().add(n);
        }
        return n;
    }

    static String mutateJson(String text, Random random) {
        try {
            JsonNode root = JSON.readTree(text);
            var containers = new ArrayList<JsonNode>();
            collect(root, containers);
            if (containers.isEmpty()) {
                return hostile(random).toString();
            }
            JsonNode c = containers.get(random.nextInt(containers.size()));
            if (c instanceof ObjectNode o) {
                var names = new ArrayList<String>();
                o.fieldNames().forEachRemaining(names::add);
                int what = random.nextInt(4);
                if (what == 0 || names.isEmpty()) {
                    o.set("unknown_" + random.nextInt(100), hostile(random));
                } else if (what == 1) {
                    o.remove(names.get(random.nextInt(names.size())));
                } else {
                    o.set(names.get(random.nextInt(names.size())), hostile(random));
                }
            } else if (c instanceof ArrayNode a) {
                if (a.isEmpty() || random.nextBoolean()) {
                    a.add(hostile(random));
                } else {
                    a.set(random.nextInt(a.size()), hostile(random));
                }
            }
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            return text;
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }

    static String mutateForm(String text, Random random) {
        var fields = new ArrayList<>(List.of(text.split("&")));
        int i = random.nextInt(fields.size());
        String f = fields.get(i);
        String key = f.contains("=") ? f.substring(0, f.indexOf('=')) : f;
        List<String> values = List.of(
                "",
                "%00",
                "%zz",
                "-1",
                "0",
                "99999999999999999999",
                Admin.enc("x".repeat(100_000)),
                Admin.enc("<script>alert(1)</script>"),
                Admin.enc("../../"),
                "%ff%fe",
                Admin.enc("\u202e😀"),
                Admin.enc("2030-13-45T99:99"),
                "on",
                "true",
                Admin.enc("client|bonus"),
                "%");
        switch (random.nextInt(4)) {
            case 0 -> fields.set(i, key + "=" + values.get(random.nextInt(values.size())));
            case 1 -> fields.remove(i);
            case 2 -> fields.add(f);
            default -> fields.add(Admin.enc(key + "[]") + "=" + values.get(random.nextInt(values.size())));
        }
        return String.join("&", fields);
    }

    /** The question editor's own form, as its page fills it (field names are the page's, not guessed). */
    private String editorForm() {
        var s = target.session().orElseThrow();
        var page = Admin.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + target.raw().port() + "/admin/questions/462"))
                .header("Cookie", "komek_admin=" + s.cookie())
                .GET()
                .build());
        var doc = Jsoup.parse(page.body());
        var fields = new ArrayList<String>();
        for (var field :
                doc.select("#question-form input[name], #question-form textarea[name], #question-form select[name]")) {
            if (field.attr("type").equals("checkbox") && !field.hasAttr("checked")) {
                continue;
            }
            String value = field.tagName().equals("textarea")
                    ? field.text()
                    : field.tagName().equals("select")
                            ? field.select("option[selected]").val()
                            : field.attr("type").equals("checkbox") ? "on" : field.val();
            fields.add(Admin.enc(field.attr("name")) + "=" + Admin.enc(value));
        }
        fields.add("action=save");
        return String.join("&", fields);
    }

    private Seed seed(Target.Route route, String editorForm) {
        String csrf = target.session().map(Target.Session::csrf).orElse("");
        String json = "application/json";
        String form = "application/x-www-form-urlencoded";
        String bundle = "{\"format\":\"komek-bundle/1\",\"locales\":[\"ru\",\"kz\"],\"default_locale\":\"ru\","
                + "\"sites\":[{\"slug\":\"client\",\"title\":{\"ru\":\"Клиентам\",\"kz\":\"Клиенттерге\"}}],"
                + "\"sections\":[{\"site\":\"client\",\"path\":\"fuzz\",\"position\":9,\"title\":{\"ru\":\"Ф\",\"kz\":\"Ф\"}}],"
                + "\"questions\":[{\"id\":990001,\"site\":\"client\",\"section\":\"fuzz\",\"position\":1,\"pinned\":false,"
                + "\"canonical\":\"/fuzz/q990001\",\"votes\":{\"up\":1,\"down\":0},\"locales\":{\"ru\":{\"title\":\"Вопрос\","
                + "\"content\":\"<p>Ответ</p>\",\"updated\":\"2025-01-01\",\"published\":\"2025-01-01T00:00:00\","
                + "\"meta_title\":null,\"meta_description\":null,\"meta_h1\":null,\"no_index\":false,\"no_follow\":false}}}]}";
        Map<String, Seed> seeds = Map.ofEntries(
                Map.entry(
                        "/api/v1/questions/{id}/votes",
                        new Seed(json, "{\"useful\":false,\"reason\":\"unclear\",\"comment\":\"x\"}")),
                Map.entry("/{site}/{locale}/<path>", new Seed(form, "useful=false&reason=unclear&comment=x")),
                Map.entry("/admin/login", new Seed(form, "_csrf=x&next=%2Fadmin&name=nobody&password=wrong-password")),
                Map.entry(
                        "/api/v1/admin/questions/{id}",
                        new Seed(
                                json,
                                "{\"site\":\"client\",\"section\":\"bonus/save/general\",\"position\":1,\"pinned\":false,"
                                        + "\"canonical\":\"/bonus/save/general/q462\",\"note\":\"n\",\"locales\":{\"ru\":{\"title\":\"t\","
                                        + "\"content\":\"<p>c</p>\",\"updated\":\"2025-01-01\",\"published\":null}}}")),
                Map.entry("/api/v1/admin/questions/{id}/publish", new Seed(json, "{\"at\":\"2030-09-01T09:00:00\"}")),
                Map.entry(
                        "/api/v1/admin/sections",
                        new Seed(
                                json,
                                "{\"site\":\"client\",\"path\":\"bonus/fuzz\",\"titles\":{\"ru\":\"a\",\"kz\":\"b\"},\"position\":1}")),
                Map.entry(
                        "/api/v1/admin/sections/order",
                        new Seed(json, "{\"site\":\"client\",\"parent\":\"bonus\",\"ids\":[2,3]}")),
                Map.entry("/api/v1/admin/sections/{id}", new Seed(json, "{\"titles\":{\"ru\":\"x\",\"kz\":null}}")),
                Map.entry("/api/v1/admin/sections/{id}/move", new Seed(json, "{\"path\":\"bonus/moved\"}")),
                Map.entry(
                        "/api/v1/admin/questions/{id}/place",
                        new Seed(
                                json,
                                "{\"site\":\"client\",\"section\":\"bonus/save/general\",\"position\":1,\"pinned\":true}")),
                Map.entry(
                        "/api/v1/admin/questions/{id}/crosslist",
                        new Seed(json, "{\"site\":\"client\",\"section\":\"bonus/save/general\"}")),
                Map.entry(
                        "/api/v1/admin/users",
                        new Seed(json, "{\"name\":\"fuzzed\",\"role\":\"viewer\",\"password\":\"0123456789ab\"}")),
                Map.entry("/api/v1/admin/users/{name}/role", new Seed(json, "{\"role\":\"viewer\"}")),
                Map.entry("/api/v1/admin/users/{name}/password", new Seed(json, "{\"password\":\"0123456789ab\"}")),
                Map.entry(
                        "/api/v1/admin/me/password",
                        new Seed(json, "{\"current\":\"not-the-password\",\"password\":\"0123456789abc\"}")),
                Map.entry("/api/v1/admin/tokens", new Seed(json, "{\"user\":\"victim\",\"label\":\"x\"}")),
                Map.entry("/api/v1/admin/import", new Seed(json, bundle)),
                Map.entry(
                        "/admin/transfer",
                        new Seed(
                                "multipart/form-data; boundary=x",
                                "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--x\r\n"
                                        + "Content-Disposition: form-data; name=\"file\"; filename=\"b.json\"\r\n"
                                        + "Content-Type: application/json\r\n\r\n" + bundle + "\r\n--x\r\n"
                                        + "Content-Disposition: form-data; name=\"site\"\r\n\r\nclient\r\n--x--\r\n")),
                Map.entry("/admin/questions/{id}", new Seed(form, editorForm)),
                Map.entry("/admin/questions/new", new Seed(form, editorForm)),
                Map.entry("/admin/questions/{id}/preview", new Seed(form, editorForm)),
                Map.entry("/admin/questions/new/preview", new Seed(form, editorForm)));
        return seeds.getOrDefault(
                route.pattern(),
                new Seed(
                        route.pattern().startsWith("/api/") ? json : form,
                        route.pattern().startsWith("/api/")
                                ? "{}"
                                : "_csrf=" + csrf
                                        + "&name=fuzzed2&role=viewer&password=0123456789ab&password2=0123456789ab"
                                        + "&current=not-the-password&site=client&path=bonus%2Ffuzz2&ru=%D0%A4&kz=%D0%A4"
                                        + "&by=1&pinned=on&label=l&user=victim&pending=1&place=client%7Cbonus%2Fsave%2Fgeneral"
                                        + "&section=bonus%2Fsave%2Fgeneral&position=1&locale=ru&platform=desktop&confirm=yes"));
    }
}
