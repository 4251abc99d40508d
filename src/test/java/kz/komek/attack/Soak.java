package kz.komek.attack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The soak: a reader mix (every page of the sitemaps, search pages and the JSON API) measured at full speed for a
 * few seconds (16 client threads, closed loop: the capacity), then sent at half that rate on a fixed schedule for
 * the soak's length. Every answer must be 2xx or 3xx. Heap: {@code jcmd PID GC.run} (a full collection) then
 * {@code GC.heap_info}'s used heap, after the warm-up (every URL visited once, so caches are full, then a burst at
 * the soak client's 64 connections) and at the end;
 * the end may be at most 10% above the start.
 */
final class Soak {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern LOC = Pattern.compile("<loc>https?://[^/]+(/[^<]*)</loc>");

    private final KomekProcess server;
    private final Duration length;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Soak(KomekProcess server, Duration length) {
        this.server = server;
        this.length = length;
    }

    Part run() throws Exception {
        List<String> urls = urls();
        for (String u : urls) {
            get(u); // warm-up: every page rendered and cached once
        }
        double capacity = capacity(urls, 16, Duration.ofSeconds(6));
        // The soak's own client may reach 64 connections in a burst. Each server thread that first serves a search
        // keeps its own reusable analysis chains (Lucene's per-thread token streams: char[] buffers), bounded by
        // the thread pool, not by time; so the baseline is taken once as many threads have served as the soak can
        // reach, and growth after it is what a leak would show.
        capacity(urls, 64, Duration.ofSeconds(4));
        long heapBefore = liveHeapKb();
        Map<String, Long> histogramBefore = histogram();
        var series = new ArrayList<Long>();
        double rate = capacity / 2;
        var errors = new AtomicLong();
        var sent = new AtomicLong();
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errorSamples = Collections.synchronizedList(new ArrayList<String>());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long periodNanos = (long) (1e9 / rate);
        long late = 0;
        for (long i = 0; ; i++) {
            long due = start + i * periodNanos;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else if (wait < -100_000_000L) {
                late++;
            }
            if (i > 0 && i % (long) Math.max(1, rate * length.toSeconds() / 4) == 0) {
                series.add(liveHeapKb() / 1024); // a quarter of the way, half, three quarters: growing or levelled?
            }
            String url = urls.get((int) (i % urls.size()));
            pool.execute(() -> {
                long t0 = System.nanoTime();
                int status = get(url);
                latencies.add((System.nanoTime() - t0) / 1_000);
                sent.incrementAndGet();
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (status < 200 || status >= 400) {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 10) {
                        errorSamples.add(status + " " + url);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = liveHeapKb();
        Map<String, Long> histogramAfter = histogram();
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99));
        double growth = heapBefore == 0 ? 0 : (heapAfter - heapBefore) * 100.0 / heapBefore;
        boolean pass = errors.get() == 0 && heapAfter <= heapBefore * 1.10;
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.get()));
        var details = new ArrayList<>(errorSamples);
        details.add("live heap on the way (MB, after a full GC): " + heapBefore / 1024 + " " + series + " "
                + heapAfter / 1024);
        histogramAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - histogramBefore.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .forEach(e -> details.add("grew: " + e.getKey() + " +" + e.getValue() / 1024 + " KB"));
        if (late > 0) {
            details.add(late + " requests left the schedule over 100 ms late (the client machine kept up otherwise)");
        }
        return Part.of(
                "soak",
                String.format(
                        "capacity %.0f req/s (16 threads, %d URLs); %.0f s at %.0f req/s: %d requests, %d errors, p50"
                                + " %.1f ms, p99 %.1f ms; live heap after full GC %d → %d MB (%+.1f%%); %s",
                        capacity,
                        urls.size(),
                        seconds,
                        rate,
                        sent.get(),
                        errors.get(),
                        p50 / 1000.0,
                        p99 / 1000.0,
                        heapBefore / 1024,
                        heapAfter / 1024,
                        growth,
                        byStatus),
                pass,
                details);
    }

    /** The sitemaps' pages (at most 400), search pages and API reads; each must answer 200 now. */
    private List<String> urls() throws Exception {
        var urls = new ArrayList<String>();
        String index = body("/sitemap.xml");
        var m = LOC.matcher(index);
        while (m.find() && urls.size() < 400) {
            var pages = LOC.matcher(body(m.group(1)));
            while (pages.find() && urls.size() < 400) {
                urls.add(pages.group(1));
            }
        }
        for (String q : List.of("бонус", "карта", "kaspi", "rfhnf", "бонусты қалай", "xssprobe")) {
            String e = Admin.enc(q);
            urls.add("/client/ru/search?q=" + e);
            urls.add("/api/v1/search?site=client&q=" + e);
            urls.add("/api/v1/suggest?site=client&locale=ru&q=" + e);
        }
        urls.add("/api/v1/questions/462?site=client&locale=kz");
        urls.add("/api/v1/sections?site=client&locale=ru");
        urls.add("/health");
        urls.removeIf(u -> get(u) != 200);
        Collections.shuffle(urls, new java.util.Random(7));
        return urls;
    }

    private double capacity(List<String> urls, int threads, Duration d) throws InterruptedException {
        var count = new AtomicLong();
        long end = System.nanoTime() + d.toNanos();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            var th = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    get(urls.get(i % urls.size()));
                    count.incrementAndGet();
                }
            });
            th.start();
            workers.add(th);
        }
        for (var th : workers) {
            th.join();
        }
        return count.get() / (d.toNanos() / 1e9);
    }

    private long liveHeapKb() {
        server.jcmd("GC.run");
        server.jcmd("GC.run");
        var m = USED.matcher(server.jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Bytes per class of the live objects ({@code jcmd PID GC.class_histogram}, which collects first). */
    private Map<String, Long> histogram() {
        var bytes = new java.util.HashMap<String, Long>();
        var row = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
        server.jcmd("GC.class_histogram").lines().forEach(l -> {
            var m = row.matcher(l);
            if (m.find()) {
                bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
        });
        return bytes;
    }

    private String body(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("User-Agent", "komek-attack-soak")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    /** The status, or -1 when no answer came. */
    int get(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
