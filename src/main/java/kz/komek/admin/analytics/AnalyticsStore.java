package kz.komek.admin.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every analytics figure, read with one query each from the per-day tables (search_day, search_miss_day, vote_day,
 * question_view, deflection_day) and, for the lists editors read, from the rows themselves (vote comments,
 * deflection messages that went on to chat). Days are the help center's; each list has at most {@link #LIMIT} rows.
 */
final class AnalyticsStore {
    /** Rows of a list figure (the busiest first). */
    static final int LIMIT = 100;

    /** Rows of the top and bottom questions. */
    static final int RANKED = 20;

    /** Votes a question needs in the period to be ranked at all. */
    static final int MIN_VOTES = 5;

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Jdbi jdbi;
    private final ZoneId zone;

    AnalyticsStore(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** The sites one may choose, in their order. */
    List<String> sites() {
        return jdbi.withHandle(h -> h.createQuery("select slug from site order by position, slug")
                .mapTo(String.class)
                .list());
    }

    Table read(Figure figure, Period p) {
        return new Table(figure, jdbi.withHandle(h -> rows(h, figure, p)));
    }

    private List<List<Object>> rows(Handle h, Figure figure, Period p) {
        return switch (figure) {
            case VIEWS -> days(h, p, """
                    select d.day, coalesce(sum(v.views), 0)
                    from days d
                    left join (question_view v join question q on q.id = v.question_id and q.site = :site)
                        on v.day = d.day
                    group by d.day order by d.day
                    """, 1);
            case VOTES -> withShare(days(h, p, """
                    select d.day, coalesce(sum(v.useful), 0), coalesce(sum(v.not_useful), 0)
                    from days d
                    left join (vote_day v join question q on q.id = v.question_id and q.site = :site)
                        on v.day = d.day and v.locale = :locale
                    group by d.day order by d.day
                    """, 2));
            case REASONS -> days(h, p, """
                    select d.day, coalesce(sum(v.no_answer), 0), coalesce(sum(v.unclear), 0),
                           coalesce(sum(v.outdated), 0), coalesce(sum(v.other), 0)
                    from days d
                    left join (vote_day v join question q on q.id = v.question_id and q.site = :site)
                        on v.day = d.day and v.locale = :locale
                    group by d.day order by d.day
                    """, 4);
            case COMMENTS -> comments(h, p);
            case TOP -> ranked(h, p, true);
            case BOTTOM -> ranked(h, p, false);
            case ZERO_RESULTS -> queries(h, p, """
                    select query, sum(misses) from search_miss_day
                    where site = :site and locale = :locale and day between :from and :to and query <> ''
                    group by query order by sum(misses) desc, query limit :limit
                    """, 1);
            case UNOPENED -> queries(h, p, """
                    select query, sum(searches), sum(opened) from search_day
                    where site = :site and locale = :locale and day between :from and :to and query <> ''
                    group by query having sum(opened) < sum(searches)
                    order by sum(searches) - sum(opened) desc, query limit :limit
                    """, 2);
            case DEFLECTION -> deflection(h, p);
            case CHATS -> chats(h, p);
            case NEVER_VIEWED -> neverViewed(h, p);
        };
    }

    /** One row a day of the period, days without events at 0: {@code select}s from {@code days d}. */
    private List<List<Object>> days(Handle h, Period p, String select, int counts) {
        return h.createQuery("with days as (select cast(g as date) as day from generate_series(cast(:from as date),"
                        + " cast(:to as date), interval '1 day') g) " + select)
                .bind("from", p.from())
                .bind("to", p.to())
                .bind("site", p.site())
                .bind("locale", p.locale().code())
                .map((rs, ctx) -> {
                    var row = new ArrayList<Object>();
                    row.add(rs.getObject(1, java.time.LocalDate.class).toString());
                    for (int i = 0; i < counts; i++) {
                        row.add(rs.getLong(2 + i));
                    }
                    return (List<Object>) row;
                })
                .list();
    }

    /** Adds the share of the first of two counts, in percent. */
    private static List<List<Object>> withShare(List<List<Object>> rows) {
        return rows.stream()
                .map(r -> {
                    var row = new ArrayList<>(r);
                    row.add(percent((Long) r.get(1), (Long) r.get(1) + (Long) r.get(2)));
                    return (List<Object>) row;
                })
                .toList();
    }

    /** {@code part} of {@code whole} in percent with one decimal; null when the whole is nothing. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private List<List<Object>> comments(Handle h, Period p) {
        return h.createQuery("""
                        select v.at, v.question_id, coalesce(t.title, ''), coalesce(v.reason, ''), v.comment
                        from vote v
                        join question q on q.id = v.question_id and q.site = :site
                        left join question_text t on t.question_id = v.question_id and t.locale = v.locale
                        where not v.useful and v.comment is not null and v.locale = :locale
                          and v.at >= :start and v.at < :end
                        order by v.at desc, v.question_id limit :limit
                        """)
                .bind("site", p.site())
                .bind("locale", p.locale().code())
                .bind("start", p.from().atStartOfDay(zone).toOffsetDateTime())
                .bind("end", p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .bind("limit", LIMIT)
                .map((rs, ctx) ->
                        List.<Object>of(at(rs, 1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private String at(ResultSet rs, int column) throws SQLException {
        return AT.format(rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(zone));
    }

    /** A question's votes in the period, with their Wilson interval. */
    private record Ranked(long id, String title, long up, long down, double lower, double upper) {}

    /**
     * The questions with at least {@link #MIN_VOTES} votes cast in the period: the top by the Wilson interval's lower
     * bound (surely good), the bottom by its upper bound (surely bad); ties by more votes, then id.
     */
    private List<List<Object>> ranked(Handle h, Period p, boolean top) {
        List<Ranked> all = h.createQuery("""
                        select q.id, coalesce(t.title, ''), sum(v.useful), sum(v.not_useful)
                        from vote_day v
                        join question q on q.id = v.question_id and q.site = :site
                        left join question_text t on t.question_id = q.id and t.locale = :locale
                        where v.locale = :locale and v.day between :from and :to
                        group by q.id, t.title
                        having sum(v.useful) + sum(v.not_useful) >= :min
                        """)
                .bind("site", p.site())
                .bind("locale", p.locale().code())
                .bind("from", p.from())
                .bind("to", p.to())
                .bind("min", MIN_VOTES)
                .map((rs, ctx) -> {
                    long up = rs.getLong(3);
                    long down = rs.getLong(4);
                    return new Ranked(
                            rs.getLong(1), rs.getString(2), up, down, Wilson.lower(up, down), Wilson.upper(up, down));
                })
                .list();
        Comparator<Ranked> more = Comparator.comparingLong((Ranked r) -> r.up() + r.down())
                .reversed()
                .thenComparingLong(Ranked::id);
        Comparator<Ranked> order = top
                ? Comparator.comparingDouble(Ranked::lower).reversed().thenComparing(more)
                : Comparator.comparingDouble(Ranked::upper).thenComparing(more);
        return all.stream()
                .sorted(order)
                .limit(RANKED)
                .map(r -> List.<Object>of(r.id(), r.title(), r.up(), r.down(), percent(r.lower()), percent(r.upper())))
                .toList();
    }

    private List<List<Object>> queries(Handle h, Period p, String sql, int counts) {
        return h.createQuery(sql)
                .bind("site", p.site())
                .bind("locale", p.locale().code())
                .bind("from", p.from())
                .bind("to", p.to())
                .bind("limit", LIMIT)
                .map((rs, ctx) -> {
                    var row = new ArrayList<Object>();
                    row.add(rs.getString(1));
                    for (int i = 0; i < counts; i++) {
                        row.add(rs.getLong(2 + i));
                    }
                    return (List<Object>) row;
                })
                .list();
    }

    /** Messages before a human per day, those that went on to chat, and the share that did not. */
    private List<List<Object>> deflection(Handle h, Period p) {
        return days(h, p, """
                        select d.day, coalesce(sum(x.messages), 0), coalesce(sum(x.chat), 0)
                        from days d
                        left join deflection_day x on x.day = d.day and x.site = :site and x.locale = :locale
                        group by d.day order by d.day
                        """, 2).stream()
                .map(r -> {
                    var row = new ArrayList<>(r);
                    long messages = (Long) r.get(1);
                    long chat = Math.min((Long) r.get(2), messages);
                    row.add(percent(messages - chat, messages));
                    return (List<Object>) row;
                })
                .toList();
    }

    /** The messages whose suggestions did not keep the reader from chat, newest first. */
    private List<List<Object>> chats(Handle h, Period p) {
        return h.createQuery("""
                        select x.chat_at, x.message, x.confidence,
                               array(select coalesce(t.title, '#' || s.id)
                                     from unnest(x.suggested) with ordinality as s(id, n)
                                     left join question_text t on t.question_id = s.id and t.locale = x.locale
                                     order by s.n) as titles
                        from deflection x
                        where x.site = :site and x.locale = :locale and x.chat_at is not null
                          and x.day between :from and :to
                        order by x.chat_at desc, x.id limit :limit
                        """)
                .bind("site", p.site())
                .bind("locale", p.locale().code())
                .bind("from", p.from())
                .bind("to", p.to())
                .bind("limit", LIMIT)
                .map((rs, ctx) -> List.<Object>of(
                        at(rs, 1),
                        rs.getString(2),
                        String.join("; ", titles(rs.getArray(4))),
                        BigDecimal.valueOf(rs.getDouble(3)).setScale(2, RoundingMode.HALF_UP)))
                .list();
    }

    private static List<String> titles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * The site's public questions in the locale (not cross-listed copies) that no reader viewed in the period: views
     * are counted per question, not per language.
     */
    private List<List<Object>> neverViewed(Handle h, Period p) {
        return h.createQuery("""
                        select q.id, t.title
                        from question q
                        join section s on s.id = q.section_id
                        join question_text t on t.question_id = q.id and t.locale = :locale
                        where q.site = :site
                          and (t.published is null or t.published <= :now)
                          and q.canonical = '/' || s.path || '/q' || q.id
                          and not exists (select 1 from question_view v
                                          where v.question_id = q.id and v.day between :from and :to)
                        order by q.id limit :limit
                        """)
                .bind("site", p.site())
                .bind("locale", p.locale().code())
                .bind("from", p.from())
                .bind("to", p.to())
                .bind("now", LocalDateTime.now(zone))
                .bind("limit", LIMIT)
                .map((rs, ctx) -> List.<Object>of(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
