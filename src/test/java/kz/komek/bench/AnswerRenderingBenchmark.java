package kz.komek.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.komek.bundle.nuxt.NuxtPayloadReader;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering the seed's eleven answers, one answer per operation, one thread (= per core). Run with
 * {@code scripts/bench-render.sh}. {@code jsoupRoundTrip} (parse and serialise, nothing else) is the baseline the
 * others are compared with in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnswerRenderingBenchmark {
    @Param({"desktop", "mobile", "app"})
    public String platform;

    private List<String> answers;
    private AnswerRenderer renderer;
    private AnswerRenderer uncached;
    private Platform p;
    private int next;

    @Setup
    public void setUp() throws IOException {
        String seed;
        try (InputStream in = getClass().getResourceAsStream("/demo/kz-bonus-save-general.payload.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        answers = new NuxtPayloadReader()
                .read(seed, "client").bundle().questions().stream()
                        .map(q -> q.locales().get("kz").content())
                        .toList();
        renderer = new AnswerRenderer(ContentConfig.defaults());
        uncached = new AnswerRenderer(ContentConfig.defaults(), 0);
        p = Platform.parse(platform).orElseThrow();
    }

    private String nextAnswer() {
        next = (next + 1) % answers.size();
        return answers.get(next);
    }

    /** The steady state of a server: each answer was compiled once, then renders per request. */
    @Benchmark
    public String render() {
        return renderer.render(nextAnswer(), p, Locale.KZ);
    }

    /** An answer never seen before: parse, compile and render. */
    @Benchmark
    public String renderCold() {
        return uncached.render(nextAnswer(), p, Locale.KZ);
    }

    /** Baseline: what jsoup alone costs to parse and write an answer back. */
    @Benchmark
    public String jsoupRoundTrip() {
        return Jsoup.parseBodyFragment(nextAnswer()).body().html();
    }
}
