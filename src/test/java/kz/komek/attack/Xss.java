package kz.komek.attack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * XSS: a bundle whose every text field (site, section and question titles, answers, SEO fields, unknown fields)
 * carries one of the OWASP filter-evasion vectors ({@code attack/xss-vectors.txt}), imported, then every page that
 * shows them loaded in Debian's headless Chromium (reader pages per platform, section pages, search for every
 * vector, the 404 page, the admin's pages signed in, the import's dry-run report), twice: as served, and with the
 * Content-Security-Policy switched off (CDP {@code Page.setBypassCSP}), so that the CSP is not the only thing
 * between a vector and a reader. A vector that runs calls alert/confirm/prompt, which a hook installed before any
 * page script counts; the page's DOM is also searched for what no komek page has: event-handler attributes,
 * {@code javascript:} and {@code data:text/html} URLs, foreign scripts, frames, objects, {@code <base>}, refresh.
 */
final class Xss {
    static final String SITE = "xss";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Counts alert/confirm/prompt calls and script-src CSP violations, in every frame, into the top window. */
    private static final String HOOK = """
            (function () {
              var top; try { top = window.top; void top.document; } catch (e) { top = window; }
              function hit(m) { try { (top.__xssHits = top.__xssHits || []).push(String(m).slice(0, 60) + ' @ ' + location.href.slice(0, 120)); } catch (e) {} }
              window.alert = hit;
              window.confirm = function (m) { hit(m); return false; };
              window.prompt = function (m) { hit(m); return null; };
              document.addEventListener('securitypolicyviolation', function (e) {
                if ((e.effectiveDirective || '').indexOf('script') === 0) {
                  try { (top.__csp = top.__csp || []).push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')); } catch (x) {}
                }
              }, true);
            })();
            """;

    /** What no komek page has: returns one line per suspicious node. */
    private static final String DOM_CHECK = """
            var out = [], origin = location.origin;
            var bad = /^(javascript|vbscript|livescript|data:text\\/html|data:image\\/svg|data:application)/i;
            var urlAttrs = ['href','src','action','formaction','data','xlink:href','background','lowsrc','dynsrc','poster','codebase','to','values','from'];
            document.querySelectorAll('*').forEach(function (el) {
              var t = el.tagName.toLowerCase();
              for (var i = 0; i < el.attributes.length; i++) {
                var a = el.attributes[i], n = a.name.toLowerCase(), v = a.value.replace(/[\\u0000-\\u0020]/g, '');
                if (n.indexOf('on') === 0) out.push('handler <' + t + ' ' + n + '="' + a.value.slice(0, 60) + '">');
                if (urlAttrs.indexOf(n) >= 0 && bad.test(v)) out.push('url <' + t + ' ' + n + '="' + a.value.slice(0, 60) + '">');
                if (n === 'srcdoc') out.push('srcdoc <' + t + '>');
                if (n === 'style' && /expression|javascript:|behavior|binding/i.test(a.value)) out.push('style <' + t + ' style="' + a.value.slice(0, 60) + '">');
              }
              if (t === 'script') {
                var src = el.getAttribute('src'), type = (el.getAttribute('type') || '').toLowerCase();
                if (src ? new URL(src, location.href).href.indexOf(origin + '/static/') !== 0 : type !== 'application/ld+json') out.push('script ' + (src || el.textContent.slice(0, 60)));
                if (type === 'application/ld+json') { try { JSON.parse(el.textContent); } catch (e) { out.push('broken JSON-LD ' + el.textContent.slice(0, 60)); } }
              }
              if (['object','embed','applet','frame','frameset','base','portal','bgsound'].indexOf(t) >= 0) out.push('element <' + t + '>');
              if (t === 'iframe' && !(el.hasAttribute('sandbox') && new URL(el.getAttribute('src') || 'about:blank', location.href).href.indexOf(origin + '/') === 0)) out.push('iframe ' + el.outerHTML.slice(0, 80));
              if (t === 'meta' && el.hasAttribute('http-equiv')) out.push('meta http-equiv ' + el.getAttribute('http-equiv'));
              if (t === 'link' && /stylesheet|import|preload|prefetch/i.test(el.getAttribute('rel') || '') && new URL(el.getAttribute('href') || '', location.href).href.indexOf(origin + '/') !== 0) out.push('link ' + el.outerHTML.slice(0, 80));
              if (t === 'style' && /javascript:|expression|@import|binding|url\\(/i.test(el.textContent)) out.push('style element ' + el.textContent.slice(0, 60));
            });
            return out;
            """;

    private final int port;
    private final String token;
    private final String sessionCookie;
    private final Path work;

    /** {@code sessionCookie}: an admin's signed-in session, given to the browser (signing in again may be throttled). */
    Xss(int port, String token, String sessionCookie, Path work) {
        this.port = port;
        this.token = token;
        this.sessionCookie = sessionCookie;
        this.work = work;
    }

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static List<String> vectors() {
        try (InputStream in = Xss.class.getResourceAsStream("/attack/xss-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which pages to load: every platform of every question (full), or fewer. */
    record Scope(List<String> vectors, List<String> questionVariants, int searchEvery, int adminEvery, int themeEvery) {
        static Scope full() {
            return new Scope(
                    Xss.vectors(),
                    List.of(
                            "ru?platform=desktop",
                            "ru?platform=mobile",
                            "ru?platform=app",
                            "kz?platform=desktop",
                            "kz?platform=app"),
                    1,
                    2,
                    1);
        }

        static Scope quick() {
            return new Scope(Xss.vectors(), List.of("ru?platform=desktop"), 3, 10, 1);
        }

        /** A sample for CI: every 20th vector, one reader page of each per locale, few section and admin pages. */
        static Scope sample() {
            var all = Xss.vectors();
            var some = new ArrayList<String>();
            for (int i = 0; i < all.size(); i += 20) {
                some.add(all.get(i));
            }
            return new Scope(some, List.of("ru?platform=desktop"), 4, 6, 5);
        }
    }

    /** The figures of one browser pass. */
    static final class Pass {
        int pages;
        final List<String> executions = new ArrayList<>();
        final List<String> cspViolations = new ArrayList<>();
        final Set<String> injected = new LinkedHashSet<>();
        boolean controlSeen;
    }

    /**
     * The positive control: a vector planted by the test itself into a komek page must be seen, as a CSP violation
     * and an injected attribute with the CSP on, as an execution with it off; otherwise the detector is blind.
     */
    @SuppressWarnings("unchecked")
    private static boolean control(ChromeDriver driver, String base, boolean bypassCsp) {
        driver.get(base + "/xss/ru/");
        var js = (JavascriptExecutor) driver;
        js.executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<img id=xss-control src=x onerror=alert(\"control\")>');");
        KomekProcess.sleep(300);
        List<Object> all = (List<Object>) js.executeScript(
                "return [window.__xssHits || [], window.__csp || []," + " (function () {" + DOM_CHECK + "})()];");
        boolean ran = !((List<Object>) all.get(0)).isEmpty();
        boolean stopped = !((List<Object>) all.get(1)).isEmpty();
        boolean found = !((List<Object>) all.get(2)).isEmpty();
        return found && (bypassCsp ? ran : stopped && !ran);
    }

    Part run(Scope scope) throws Exception {
        if (!browserInstalled()) {
            return new Part(
                    "xss",
                    "skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed",
                    Part.Status.SKIP,
                    List.of());
        }
        List<String> vectors = scope.vectors();
        ObjectNode bundle = bundle(vectors);
        Path file = work.resolve("xss.bundle.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
        var imported = api("POST", "/api/v1/admin/import", bundle.toString());
        if (imported.statusCode() != 200) {
            return Part.of(
                    "xss",
                    "the vector bundle was refused: " + imported.statusCode() + " " + imported.body(),
                    false,
                    List.of());
        }
        int refused = refusedStructuralFields(vectors);
        List<String> jsonProblems = jsonAnswers(vectors);
        List<String> pages = pages(vectors, scope);
        waitForSearch();
        Pass served = browse(pages, false, file);
        Pass bypassed = browse(pages, true, file);
        boolean pass = served.controlSeen
                && bypassed.controlSeen
                && served.executions.isEmpty()
                && bypassed.executions.isEmpty()
                && served.cspViolations.isEmpty()
                && served.injected.isEmpty()
                && jsonProblems.isEmpty();
        var details = new ArrayList<String>();
        if (!served.controlSeen || !bypassed.controlSeen) {
            details.add("the detector missed the planted control vector (CSP on: " + served.controlSeen + ", off: "
                    + bypassed.controlSeen + "): these figures mean nothing");
        }
        served.executions.stream().limit(10).forEach(e -> details.add("ran (CSP on): " + e));
        bypassed.executions.stream().limit(10).forEach(e -> details.add("ran (CSP off): " + e));
        served.cspViolations.stream().limit(10).forEach(e -> details.add("CSP stopped: " + e));
        served.injected.stream().limit(10).forEach(e -> details.add("in the DOM: " + e));
        jsonProblems.stream().limit(10).forEach(e -> details.add("JSON: " + e));
        return Part.of(
                "xss",
                String.format(
                        "%d vectors in %d fields each, %d page loads × %d passes (planted control seen: %s): %d script executions with CSP, %d with"
                                + " CSP bypassed, %d CSP script violations, %d injected elements/attributes; %d"
                                + " hostile slugs/paths/dates refused; %d JSON answers not application/json",
                        vectors.size(),
                        5 * 2 + 1,
                        served.pages,
                        2,
                        served.controlSeen && bypassed.controlSeen ? "yes" : "NO",
                        served.executions.size(),
                        bypassed.executions.size(),
                        served.cspViolations.size(),
                        served.injected.size(),
                        refused,
                        jsonProblems.size()),
                pass,
                details);
    }

    /** The bundle: a site, a product with ten themes and a subtheme each, a question per vector; all titled by vectors. */
    static ObjectNode bundle(List<String> vectors) {
        ObjectNode b = F.objectNode();
        b.put("format", "komek-bundle/1");
        b.putArray("locales").add("ru").add("kz");
        b.put("default_locale", "ru");
        ObjectNode site = b.putArray("sites").addObject();
        site.put("slug", SITE);
        site.set("title", both("xssprobe site " + vectors.get(0)));
        ArrayNode sections = b.putArray("sections");
        section(sections, "xss", 1, "xssprobe product " + vectors.get(1 % vectors.size()));
        for (int t = 0; t < 10; t++) {
            section(sections, "xss/t" + t, t + 1, "xssprobe theme " + vectors.get((t + 2) % vectors.size()));
            section(sections, "xss/t" + t + "/s", 1, "xssprobe sub " + vectors.get((t + 12) % vectors.size()));
        }
        ArrayNode questions = b.putArray("questions");
        for (int i = 0; i < vectors.size(); i++) {
            long id = 880_000 + i;
            String v = vectors.get(i);
            String section = "xss/t" + (i % 10) + "/s";
            ObjectNode q = questions.addObject();
            q.put("id", id);
            q.put("site", SITE);
            q.put("section", section);
            q.put("position", i + 1);
            q.put("pinned", i % 7 == 0);
            q.put("canonical", "/" + section + "/q" + id);
            q.putObject("votes").put("up", 3).put("down", 1);
            // an unknown field, named and filled with the vector: the import report lists it
            q.put("x_" + i + v, v);
            ObjectNode locales = q.putObject("locales");
            for (String locale : List.of("ru", "kz")) {
                ObjectNode l = locales.putObject(locale);
                l.put("title", "xssprobe " + i + " " + v);
                l.put("content", "<p>xssprobe answer " + i + "</p>" + v + "<p>" + v + "</p>");
                l.put("updated", "2025-01-01");
                l.put("published", "2025-01-01T00:00:00");
                l.put("meta_title", "xssprobe " + v);
                l.put("meta_description", v);
                l.put("meta_h1", "xssprobe " + v);
                l.put("no_index", false);
                l.put("no_follow", false);
            }
        }
        return b;
    }

    private static void section(ArrayNode sections, String path, int position, String title) {
        ObjectNode s = sections.addObject();
        s.put("site", SITE);
        s.put("path", path);
        s.put("position", position);
        s.set("title", both(title));
    }

    private static ObjectNode both(String text) {
        return F.objectNode().put("ru", text).put("kz", text);
    }

    /** Vectors where a slug, path, canonical or date belongs: each import must be refused (400), nothing written. */
    private int refusedStructuralFields(List<String> vectors) throws IOException {
        int refused = 0;
        for (int i = 0; i < Math.min(10, vectors.size()); i++) {
            String v = vectors.get(i * 7 % vectors.size());
            for (String field : List.of("slug", "path", "canonical", "updated", "published")) {
                ObjectNode b = bundle(List.of("a", "b", "c"));
                switch (field) {
                    case "slug" -> ((ObjectNode) b.get("sites").get(0)).put("slug", v);
                    case "path" -> ((ObjectNode) b.get("sections").get(0)).put("path", v);
                    case "canonical" -> ((ObjectNode) b.get("questions").get(0)).put("canonical", v);
                    default ->
                        ((ObjectNode) b.get("questions").get(0).get("locales").get("ru")).put(field, v);
                }
                var r = api("POST", "/api/v1/admin/import?dry_run=true", b.toString());
                if (r.statusCode() == 400) {
                    refused++;
                }
            }
        }
        return refused;
    }

    /** The JSON API answers with the vectors: always JSON with nosniff, which no browser runs. */
    private List<String> jsonAnswers(List<String> vectors) {
        var problems = new ArrayList<String>();
        for (String v : vectors) {
            for (String path : List.of(
                    "/api/v1/search?site=xss&q=" + enc(v),
                    "/api/v1/suggest?site=xss&locale=ru&q=" + enc(v),
                    "/api/v1/questions/" + (880_000 + vectors.indexOf(v)) + "?site=xss&locale=ru")) {
                var r = Admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build());
                String ct = r.headers().firstValue("Content-Type").orElse("");
                String nosniff =
                        r.headers().firstValue("X-Content-Type-Options").orElse("");
                if (!ct.startsWith("application/json") || !nosniff.equals("nosniff")) {
                    problems.add(r.statusCode() + " " + path + " → " + ct + " / " + nosniff);
                }
            }
        }
        return problems;
    }

    private List<String> pages(List<String> vectors, Scope scope) {
        var p = new ArrayList<String>();
        p.add("/xss/ru/");
        p.add("/xss/kz/");
        p.add("/xss/ru/xss?platform=mobile");
        for (int t = 0; t < 10; t += scope.themeEvery()) {
            for (String l : List.of("ru", "kz")) {
                p.add("/xss/" + l + "/xss/t" + t);
                p.add("/xss/" + l + "/xss/t" + t + "/s");
            }
        }
        for (int i = 0; i < vectors.size(); i++) {
            String section = "xss/t" + (i % 10) + "/s";
            // the kz app page of every question: the app's rendering (deep links, app-only spans) in the other locale
            p.add("/xss/kz/" + section + "/q" + (880_000 + i) + "?platform=app");
            for (String variant : scope.questionVariants()) {
                String locale = variant.substring(0, 2);
                p.add("/xss/" + locale + "/" + section + "/q" + (880_000 + i) + variant.substring(2));
            }
        }
        p.add("/xss/ru/search?q=xssprobe");
        p.add("/xss/kz/search?q=xssprobe&platform=mobile");
        for (int i = 0; i < vectors.size(); i += scope.searchEvery()) {
            // the query is echoed on the page, and finds the question whose title carries the same vector
            p.add("/xss/ru/search?q=" + enc("xssprobe " + vectors.get(i)));
        }
        p.add("/xss/ru/" + enc(vectors.get(1)).replace("+", "%20"));
        p.add("/admin");
        p.add("/admin/questions?q=xssprobe");
        p.add("/admin/sections");
        p.add("/admin/audit");
        for (int i = 0; i < vectors.size(); i += scope.adminEvery()) {
            p.add("/admin/questions/" + (880_000 + i));
            p.add("/admin/questions/" + (880_000 + i) + "/revisions");
        }
        return p;
    }

    /** The search index follows the database within a second; wait until it knows the probe word. */
    private void waitForSearch() {
        for (int i = 0; i < 50; i++) {
            var r = Admin.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/search?site=xss&q=xssprobe"))
                    .GET()
                    .build());
            if (r.statusCode() == 200 && !r.body().contains("\"total\":0")) {
                return;
            }
            KomekProcess.sleep(200);
        }
    }

    private Pass browse(List<String> pages, boolean bypassCsp, Path bundleFile) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=ru",
                "--no-proxy-server",
                "--disable-background-networking");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT_AND_NOTIFY);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        var pass = new Pass();
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
            if (bypassCsp) {
                driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
            }
            String base = "http://127.0.0.1:" + port;
            driver.get(base + "/static/komek.css");
            driver.manage().addCookie(new org.openqa.selenium.Cookie("komek_admin", sessionCookie, "/"));
            pass.controlSeen = control(driver, base, bypassCsp);
            for (String page : pages) {
                visit(driver, base + page, page, pass);
            }
            // the import's dry-run report, which lists the unknown fields (named by vectors) and sanitized answers
            driver.get(base + "/admin/transfer");
            driver.findElement(By.id("transfer-file")).sendKeys(bundleFile.toString());
            driver.findElement(By.id("transfer-site")).clear();
            driver.findElement(
                            By.cssSelector(
                                    "form[enctype='multipart/form-data'] button, form[enctype='multipart/form-data'] [type=submit]"))
                    .click();
            inspect(driver, "/admin/transfer (dry run of the vector bundle)", pass);
        } finally {
            driver.quit();
        }
        return pass;
    }

    private void visit(ChromeDriver driver, String url, String page, Pass pass) {
        try {
            driver.get(url);
        } catch (UnhandledAlertException e) {
            pass.executions.add("a real dialog (" + e.getAlertText() + ") on " + page);
        } catch (WebDriverException e) {
            pass.injected.add("page did not load: " + page + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        inspect(driver, page, pass);
    }

    @SuppressWarnings("unchecked")
    private static void inspect(ChromeDriver driver, String page, Pass pass) {
        pass.pages++;
        KomekProcess.sleep(30); // image onerror and timers of a vector, had it run, fire by now (loopback refuses)
        try {
            var js = (JavascriptExecutor) driver;
            List<Object> all = (List<Object>) js.executeScript(
                    "return [window.__xssHits || [], window.__csp || []," + " (function () {" + DOM_CHECK + "})()];");
            List<Object> hits = (List<Object>) all.get(0);
            List<Object> csp = (List<Object>) all.get(1);
            List<Object> dom = (List<Object>) all.get(2);
            hits.forEach(h -> pass.executions.add(h + " on " + page));
            csp.forEach(c -> pass.cspViolations.add(c + " on " + page));
            dom.forEach(d -> pass.injected.add(d + " on " + Tally.shorten(page)));
        } catch (UnhandledAlertException e) {
            pass.executions.add("a real dialog (" + e.getAlertText() + ") on " + page);
        }
    }

    private java.net.http.HttpResponse<String> api(String method, String path, String body) {
        return Admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
