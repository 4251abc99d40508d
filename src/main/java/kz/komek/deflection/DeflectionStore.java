package kz.komek.deflection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The messages and their outcomes (V17): a row per message and, in the same transaction, its day's counts. */
final class DeflectionStore {
    private final Jdbi jdbi;

    DeflectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A message as stored: masked, with what was suggested and what came of it. */
    record Row(
            String id,
            OffsetDateTime at,
            LocalDate day,
            String site,
            Locale locale,
            Platform platform,
            Channel channel,
            String message,
            Decision decision,
            double confidence,
            List<Long> suggested,
            List<Double> confidences,
            Optional<Long> opened,
            Optional<Long> useful,
            boolean chat) {}

    void insert(Row r, Optional<String> visitorHash) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into deflection (id, day, site, locale, platform, channel, message, visitor, decision,
                                                    confidence, suggested, confidences)
                            values (:id, :day, :site, :locale, :platform, :channel, :message, :visitor, :decision,
                                    :confidence, :suggested, :confidences)
                            """)
                    .bind("id", r.id())
                    .bind("day", r.day())
                    .bind("site", r.site())
                    .bind("locale", r.locale().code())
                    .bind("platform", r.platform().code())
                    .bind("channel", r.channel().code())
                    .bind("message", r.message())
                    .bind("visitor", visitorHash.orElse(null))
                    .bind("decision", r.decision().code())
                    .bind("confidence", (float) r.confidence())
                    .bind("suggested", r.suggested().toArray(new Long[0]))
                    .bind(
                            "confidences",
                            r.confidences().stream().map(Double::floatValue).toArray(Float[]::new))
                    .execute();
            count(h, r.id(), "messages");
        });
    }

    Optional<Row> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, at, day, site, locale, platform, channel, message, decision, confidence, suggested, confidences,
                               opened, useful, chat_at is not null as chat
                        from deflection where id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> new Row(
                        rs.getString("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getObject("day", LocalDate.class),
                        rs.getString("site"),
                        Locale.parse(rs.getString("locale")).orElseThrow(),
                        Platform.parse(rs.getString("platform")).orElseThrow(),
                        Channel.parse(rs.getString("channel")),
                        rs.getString("message"),
                        Decision.parse(rs.getString("decision")),
                        rs.getDouble("confidence"),
                        Arrays.asList((Long[]) rs.getArray("suggested").getArray()),
                        Arrays.stream((Float[]) rs.getArray("confidences").getArray())
                                .map(Float::doubleValue)
                                .toList(),
                        Optional.ofNullable((Long) rs.getObject("opened")),
                        Optional.ofNullable((Long) rs.getObject("useful")),
                        rs.getBoolean("chat")))
                .findOne());
    }

    /**
     * Sets an outcome once: the first answer opened or found useful, the first step on to chat. A later one of the
     * same kind changes nothing, so a reader's reloads and a bot's retries count once. Whether this one counted.
     */
    boolean outcome(String id, Outcome outcome, Optional<Long> question) {
        String set;
        switch (outcome) {
            case OPENED -> set = "opened = :question, opened_at = now() where id = :id and opened is null";
            case USEFUL -> set = "useful = :question, useful_at = now() where id = :id and useful is null";
            case CHAT -> set = "chat_at = now() where id = :id and chat_at is null";
            default -> throw new IllegalArgumentException(outcome.toString());
        }
        return jdbi.inTransaction(h -> {
            var update = h.createUpdate("update deflection set " + set).bind("id", id);
            if (outcome != Outcome.CHAT) {
                update.bind("question", question.orElseThrow());
            }
            if (update.execute() == 0) {
                return false;
            }
            count(h, id, outcome.column());
            return true;
        });
    }

    /** Adds one to the day's count {@code column} for the message {@code id}'s day, site, locale and kind. */
    private static void count(Handle h, String id, String column) {
        // the column is one of four names in this file, never a caller's text
        h.createUpdate("""
                        insert into deflection_day as d (day, site, locale, platform, channel, decision, %1$s)
                        select day, site, locale, platform, channel, decision, 1 from deflection where id = :id
                        on conflict (day, site, locale, platform, channel, decision)
                            do update set %1$s = d.%1$s + 1
                        """.formatted(column)).bind("id", id).execute();
    }
}
