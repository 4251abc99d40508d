package kz.komek.feedback;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Votes cast ({@code komek.votes}, by {@code useful}) and refused before they were read ({@code komek.votes.refused},
 * by {@code reason}: {@code limited}, past the vote limit, or {@code cross_site}, sent by another site's page).
 */
final class VoteCounts {
    final LongAdder useful = new LongAdder();
    final LongAdder notUseful = new LongAdder();
    final LongAdder limited = new LongAdder();
    final LongAdder crossSite = new LongAdder();

    void register(MeterRegistry registry) {
        for (var e : Map.of("true", useful, "false", notUseful).entrySet()) {
            FunctionCounter.builder("komek.votes", e.getValue(), LongAdder::doubleValue)
                    .description("readers' votes counted, by whether they found the answer useful")
                    .tag("useful", e.getKey())
                    .register(registry);
        }
        for (var e : Map.of("limited", limited, "cross_site", crossSite).entrySet()) {
            FunctionCounter.builder("komek.votes.refused", e.getValue(), LongAdder::doubleValue)
                    .description("votes refused before they were read, by reason")
                    .tag("reason", e.getKey())
                    .register(registry);
        }
    }
}
