package kz.komek.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decision 0044, held mechanically: a migration only adds, so that nodes of the release before keep serving while a
 * rolling upgrade has migrated. A migration that drops, renames, retypes or tightens a column or table is a
 * contract step, which ships a release after the one that stopped using what it removes, and says so in a comment
 * {@code -- contract: <release> (decision 0044)} naming that release.
 */
class ForwardOnlyMigrationsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Migrations from before decision 0044, when every node stopped for an upgrade: what they do, and why it was safe. */
    private static final Map<String, String> GRANDFATHERED = Map.of(
            "V6__revisions.sql",
            "renames an index that nothing refers to by name, to free its name for a table",
            "V9__search_miss_per_day.sql",
            "drops search_miss after copying its rows into search_miss_day, in the release that stopped writing it;"
                    + " before rolling upgrades");

    private static final Pattern MARKER = Pattern.compile("(?im)^\\s*--\\s*contract:\\s*\\S.*\\(decision 0044\\)\\s*$");

    /** What a migration may not do in the release that stops using it; each with the words that say it. */
    private static final Map<String, Pattern> CONTRACTIONS = contractions();

    private static Map<String, Pattern> contractions() {
        var m = new TreeMap<String, Pattern>();
        m.put("DROP TABLE", Pattern.compile("\\bdrop\\s+table\\b"));
        m.put("DROP COLUMN", Pattern.compile("\\bdrop\\s+column\\b"));
        m.put("RENAME", Pattern.compile("\\brename\\b"));
        m.put("ALTER COLUMN … TYPE", Pattern.compile("\\balter\\s+(column\\s+)?\\S+\\s+(set\\s+data\\s+)?type\\b"));
        m.put("SET NOT NULL", Pattern.compile("\\bset\\s+not\\s+null\\b"));
        return m;
    }

    /** {@code ADD COLUMN … NOT NULL} in one clause (up to a comma or the statement's end) with no DEFAULT. */
    private static final Pattern ADD_COLUMN = Pattern.compile("\\badd\\s+column\\b[^,;]*");

    /** The contractions in a migration's text, in the order found; none when it carries the contract marker. */
    static List<String> contractions(String sql) {
        if (MARKER.matcher(sql).find()) {
            return List.of();
        }
        String code = withoutComments(sql).toLowerCase(java.util.Locale.ROOT);
        var found = new ArrayList<String>();
        CONTRACTIONS.forEach((name, pattern) -> {
            if (pattern.matcher(code).find()) {
                found.add(name);
            }
        });
        if (found.contains("SET NOT NULL")
                && Pattern.compile("\\bset\\s+default\\b").matcher(code).find()) {
            found.remove("SET NOT NULL"); // rows written without the column get the default
        }
        Matcher add = ADD_COLUMN.matcher(code);
        while (add.find()) {
            String clause = add.group();
            if (clause.matches("(?s).*\\bnot\\s+null\\b.*") && !clause.matches("(?s).*\\bdefault\\b.*")) {
                found.add("ADD COLUMN … NOT NULL without a default");
            }
        }
        return found;
    }

    /**
     * The text without {@code --} and {@code /* *}{@code /} comments, strings kept (a keyword in a string literal is
     * rare enough to be looked at when it trips the check).
     */
    static String withoutComments(String sql) {
        var out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quoted) {
                out.append(c);
                quoted = c != '\'';
            } else if (c == '\'') {
                out.append(c);
                quoted = true;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end - 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, List<String>> scan() throws IOException {
        var offending = new TreeMap<String, List<String>>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                var found = contractions(Files.readString(f, StandardCharsets.UTF_8));
                if (!found.isEmpty()) {
                    offending.put(f.getFileName().toString(), found);
                }
            }
        }
        return offending;
    }

    @Test
    void everyMigrationOnlyAddsOrSaysWhichReleaseItContracts() throws IOException {
        var offending = scan();
        var unexplained = new TreeMap<>(offending);
        GRANDFATHERED.keySet().forEach(unexplained::remove);
        assertThat(unexplained)
                .as(
                        "migrations that drop, rename, retype or tighten without \"-- contract: <release> (decision 0044)\"")
                .isEmpty();
        // the list shrinks, never rots: each file on it is there and still does what it is excused for
        assertThat(offending.keySet()).containsAll(GRANDFATHERED.keySet());
    }

    @Test
    void theCheckFindsEachContraction() {
        assertThat(contractions("alter table vote drop column comment;")).containsExactly("DROP COLUMN");
        assertThat(contractions("DROP TABLE search_miss;")).containsExactly("DROP TABLE");
        assertThat(contractions("drop table if exists x")).containsExactly("DROP TABLE");
        assertThat(contractions("alter table question\n    RENAME COLUMN pinned TO sticky;"))
                .containsExactly("RENAME");
        assertThat(contractions("alter table site rename to sites;")).containsExactly("RENAME");
        assertThat(contractions("alter table question alter column position type bigint;"))
                .containsExactly("ALTER COLUMN … TYPE");
        assertThat(contractions("alter table question alter position set data type bigint;"))
                .containsExactly("ALTER COLUMN … TYPE");
        assertThat(contractions("alter table vote alter column reason set not null;"))
                .containsExactly("SET NOT NULL");
        assertThat(contractions("alter table vote add column weight int not null;"))
                .containsExactly("ADD COLUMN … NOT NULL without a default");
        assertThat(contractions("alter table vote add column a int, add column b int NOT NULL"))
                .containsExactly("ADD COLUMN … NOT NULL without a default");
    }

    @Test
    void additionsCommentsAndMarkedContractionsPass() {
        assertThat(contractions("""
                        -- drop table vote would lose readers' votes: not done here
                        /* alter table x rename to y */
                        create table vote_limit (address text primary key, until timestamptz not null);
                        alter table question add column weight int;
                        alter table question add column kind text not null default 'question' check (kind <> '');
                        alter table vote alter column reason set default 'other', alter column reason set not null;
                        create index concurrently vote_at on vote (at);
                        insert into help_center default values;
                        """)).isEmpty();
        assertThat(contractions("""
                        -- contract: 0.9.0 (decision 0044)
                        -- 0.9.0 stopped reading question.incomplete; this release drops it
                        alter table question drop column incomplete;
                        """)).isEmpty();
        assertThat(contractions("""
                        -- contract: someday
                        alter table question drop column incomplete;
                        """))
                .as("the marker names the decision, so that nobody writes it by chance")
                .containsExactly("DROP COLUMN");
    }
}
