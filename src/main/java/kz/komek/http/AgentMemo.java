package kz.komek.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a User-Agent header says (a platform, whether a person reads), worked out once per distinct agent: a few
 * browsers send nearly all requests, and the work (a regular expression, a list of crawler names) would otherwise
 * run on every page served from memory. At most {@value #MOST} agents are kept; a client that sends a new agent
 * with every request only makes the memo start over.
 */
public final class AgentMemo<T> {
    static final int MOST = 2_048;

    private final Function<String, T> reading;
    private final ConcurrentHashMap<String, T> known = new ConcurrentHashMap<>();

    /** @param reading what an agent says; called with null for a request without the header */
    public AgentMemo(Function<String, T> reading) {
        this.reading = reading;
    }

    public T of(String agent) {
        if (agent == null) {
            return reading.apply(null);
        }
        T value = known.get(agent);
        if (value == null) {
            value = reading.apply(agent);
            if (known.size() >= MOST) {
                known.clear();
            }
            known.put(agent, value);
        }
        return value;
    }

    /** For a predicate's memo. */
    public boolean test(String agent) {
        return Boolean.TRUE.equals(of(agent));
    }
}
