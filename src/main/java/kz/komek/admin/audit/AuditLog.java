package kz.komek.admin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log: one row per admin write (who, what, which object, a short before/after summary), appended in
 * the write's own transaction, so a write that fails leaves no row and a row never names a write that did not
 * happen. The table refuses UPDATE and DELETE (a trigger, V6).
 */
public final class AuditLog {
    /** How many rows one read returns at most; older ones are paged with {@link Filter#beforeId}. */
    public static final int MAX_LIMIT = 500;

    private static final Pattern ACTION = Pattern.compile("[a-z_]+\\.[a-z_]+");

    private final Jdbi jdbi;
    private final ObjectMapper mapper = new ObjectMapper();

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What happened: {@code question.publish} on {@code question 456}, with short summaries before and after. */
    public record Change(
            String action, String objectType, String objectId, Optional<JsonNode> before, Optional<JsonNode> after) {
        public Change {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(objectType, "objectType");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException("an action looks like object.verb, was " + action);
            }
        }
    }

    /** A stored row. {@code actorId} is empty for komek itself (no user). */
    public record Entry(
            long id,
            Instant at,
            Optional<Long> actorId,
            String actorName,
            String action,
            String objectType,
            String objectId,
            Optional<JsonNode> before,
            Optional<JsonNode> after,
            Optional<String> requestId) {}

    /** Which rows to read, newest first: every present field must match; {@code from} inclusive, {@code to} not. */
    public record Filter(
            Optional<Long> actorId,
            Optional<String> action,
            Optional<String> objectType,
            Optional<String> objectId,
            Optional<Instant> from,
            Optional<Instant> to,
            Optional<Long> beforeId,
            int limit,
            Optional<String> actorName) {
        public Filter {
            Objects.requireNonNull(actorName, "actorName");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(objectType, "objectType");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(beforeId, "beforeId");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
            }
        }

        public static Filter all() {
            return new Filter(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    100,
                    Optional.empty());
        }

        public Filter withActor(long id) {
            return new Filter(Optional.of(id), action, objectType, objectId, from, to, beforeId, limit, actorName);
        }

        public Filter withObject(String type, String id) {
            return new Filter(
                    actorId, action, Optional.of(type), Optional.of(id), from, to, beforeId, limit, actorName);
        }
    }

    /**
     * Who signs a row: a signed-in user ({@link #of(Actor)}), an operator at the console ({@link #console()}: no user
     * id, the name {@code cli:<os user>}) or komek itself ({@link #KOMEK}). Only the last two have no user id, so a
     * row without one cannot pass for a user's.
     */
    public record Signer(Optional<Long> userId, String name, Optional<String> requestId) {
        public static final Signer KOMEK = new Signer(Optional.empty(), "komek", Optional.empty());
        private static final Pattern OS_USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

        public Signer {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(requestId, "requestId");
            userId.ifPresent(id -> {
                if (id <= 0) {
                    throw new IllegalArgumentException("user id must be positive, was " + id);
                }
            });
            if (userId.isEmpty() && !name.equals("komek") && !name.startsWith("cli:")) {
                throw new IllegalArgumentException("a row without a user is komek's or cli:<os user>, was " + name);
            }
            if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a signer's name has 1 to 100 characters, no control characters");
            }
        }

        public static Signer of(Actor actor) {
            return new Signer(
                    Optional.of(actor.principal().userId()), actor.principal().name(), actor.requestId());
        }

        /** The operator at the console: the CLI has no principal, only the OS account it runs under. */
        public static Signer console() {
            String user = System.getProperty("user.name", "");
            return new Signer(
                    Optional.empty(), "cli:" + (OS_USER.matcher(user).matches() ? user : "unknown"), Optional.empty());
        }
    }

    /** Appends a row in the caller's transaction; returns its id. */
    public long append(Handle h, Actor actor, Change change) {
        return append(h, Signer.of(actor), change);
    }

    /** Appends a row in the caller's transaction, signed by whoever {@code by} names; returns its id. */
    public long append(Handle h, Signer by, Change change) {
        return h.createQuery("""
                        insert into audit_log (actor_id, actor_name, action, object_type, object_id, before, after,
                            request_id)
                        values (:actorId, :actorName, :action, :objectType, :objectId, cast(:before as jsonb),
                            cast(:after as jsonb), :requestId)
                        returning id
                        """)
                .bind("actorId", by.userId().orElse(null))
                .bind("actorName", by.name())
                .bind("action", change.action())
                .bind("objectType", change.objectType())
                .bind("objectId", change.objectId())
                .bind("before", change.before().map(JsonNode::toString).orElse(null))
                .bind("after", change.after().map(JsonNode::toString).orElse(null))
                .bind("requestId", by.requestId().orElse(null))
                .mapTo(Long.class)
                .one();
    }

    /**
     * The rows {@code reader} may see that match {@code filter}: an admin sees everyone's, anyone else (a viewer
     * at least) only their own (see {@link Role}).
     */
    public List<Entry> list(Filter filter, Principal reader) {
        Actor.require(reader, Role.VIEWER);
        Filter visible = reader.may(Role.ADMIN) ? filter : filter.withActor(reader.userId());
        if (visible.actorId().isPresent()
                && filter.actorId().isPresent()
                && !visible.actorId().equals(filter.actorId())) {
            return List.of(); // another user's rows, asked for by someone who may not read them
        }
        return jdbi.withHandle(h -> list(h, visible));
    }

    /** The rows matching {@code filter}, whoever asks (komek itself, tests). */
    public List<Entry> list(Handle h, Filter filter) {
        return h.createQuery("""
                        select id, at, actor_id, actor_name, action, object_type, object_id, before::text as before,
                               after::text as after, request_id
                        from audit_log
                        where (cast(:actorId as bigint) is null or actor_id = :actorId)
                          and (cast(:actorName as text) is null or lower(actor_name) = lower(:actorName))
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:objectType as text) is null or object_type = :objectType)
                          and (cast(:objectId as text) is null or object_id = :objectId)
                          and (cast(:from as timestamptz) is null or at >= :from)
                          and (cast(:to as timestamptz) is null or at < :to)
                          and (cast(:beforeId as bigint) is null or id < :beforeId)
                        order by id desc
                        limit :limit
                        """)
                .bind("actorId", filter.actorId().orElse(null))
                .bind("actorName", filter.actorName().orElse(null))
                .bind("action", filter.action().orElse(null))
                .bind("objectType", filter.objectType().orElse(null))
                .bind("objectId", filter.objectId().orElse(null))
                .bind("from", filter.from().map(Timestamp::from).orElse(null))
                .bind("to", filter.to().map(Timestamp::from).orElse(null))
                .bind("beforeId", filter.beforeId().orElse(null))
                .bind("limit", filter.limit())
                .map((rs, ctx) -> entry(rs))
                .list();
    }

    private Entry entry(ResultSet rs) throws SQLException {
        long actorId = rs.getLong("actor_id");
        boolean noActor = rs.wasNull();
        return new Entry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                noActor ? Optional.empty() : Optional.of(actorId),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                Optional.ofNullable(rs.getString("before")).map(this::tree),
                Optional.ofNullable(rs.getString("after")).map(this::tree),
                Optional.ofNullable(rs.getString("request_id")));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit summary is not JSON", e);
        }
    }
}
