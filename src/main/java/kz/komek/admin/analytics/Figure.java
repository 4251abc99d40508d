package kz.komek.admin.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The analytics page's figures, each one table: its name in URLs ({@code /admin/analytics/votes.csv},
 * {@code /api/v1/admin/analytics/votes}) and its columns' keys (CSV headers, JSON fields), in order.
 */
enum Figure {
    VIEWS("views", "day", "views"),
    VOTES("votes", "day", "useful", "not_useful", "useful_percent"),
    REASONS("reasons", "day", "no_answer", "unclear", "outdated", "other"),
    COMMENTS("comments", "at", "question", "title", "reason", "comment"),
    TOP("top", "question", "title", "useful", "not_useful", "lower_bound_percent", "upper_bound_percent"),
    BOTTOM("bottom", "question", "title", "useful", "not_useful", "lower_bound_percent", "upper_bound_percent"),
    ZERO_RESULTS("zero-results", "query", "searches"),
    UNOPENED("unopened", "query", "searches", "opened"),
    DEFLECTION("deflection", "day", "messages", "chat", "deflection_percent"),
    CHATS("chats", "at", "message", "suggested", "confidence"),
    NEVER_VIEWED("never-viewed", "question", "title");

    private final String key;
    private final List<String> columns;

    Figure(String key, String... columns) {
        this.key = key;
        this.columns = List.of(columns);
    }

    String key() {
        return key;
    }

    List<String> columns() {
        return columns;
    }

    static Optional<Figure> parse(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** {@code views, votes, …}: for error messages. */
    static String keys() {
        return Arrays.stream(values()).map(Figure::key).collect(Collectors.joining(", "));
    }
}
