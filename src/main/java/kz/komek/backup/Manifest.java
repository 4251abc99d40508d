package kz.komek.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code manifest.json}, what a backup says about itself (docs/backup-format.md): its format, the komek and schema
 * versions that wrote it, and per table its columns, row count, size and SHA-256. Reading checks every value, so that
 * the rest of a restore handles names that are plain lower-case identifiers and numbers that are in range.
 *
 * @param komekVersion the jar's version ("dev" when built outside a release)
 * @param schemaVersion the version of the newest migration applied to the database it came from (Flyway's)
 */
public record Manifest(
        String komekVersion, String schemaVersion, Instant created, List<Table> tables, List<Sequence> sequences) {
    public static final String FORMAT = "komek-backup/1";
    public static final String FILE = "manifest.json";
    static final String TABLES = "tables/";

    /** The largest manifest read: a few hundred bytes a table, so this is room for thousands of tables. */
    static final int MAX_BYTES = 4 << 20;

    /** What PostgreSQL names komek's tables, columns and sequences with; nothing else is taken from a file. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** A type as {@code format_type} writes it ("timestamp with time zone", "text[]"); compared, never run. */
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_ \"\\[\\](),.]{1,128}");

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /** A column as the catalog describes it. */
    public record Column(String name, String type) {}

    /**
     * One table's file, {@code tables/<name>.copy}: its rows in PostgreSQL's COPY text format, in the order of
     * {@code columns}.
     */
    public record Table(String name, List<Column> columns, long rows, long bytes, String sha256) {
        public Table {
            columns = List.copyOf(columns);
        }

        public String file() {
            return TABLES + name + ".copy";
        }
    }

    /** A sequence's state when the backup was taken ({@code last_value}, {@code is_called}). */
    public record Sequence(String name, long value, boolean called) {}

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("komek_version", komekVersion);
        root.put("schema_version", schemaVersion);
        root.put("created", created.toString());
        ArrayNode ts = root.putArray("tables");
        for (Table t : tables) {
            ObjectNode o = ts.addObject();
            o.put("name", t.name());
            o.put("file", t.file());
            o.put("rows", t.rows());
            o.put("bytes", t.bytes());
            o.put("sha256", t.sha256());
            ArrayNode cs = o.putArray("columns");
            for (Column c : t.columns()) {
                cs.addObject().put("name", c.name()).put("type", c.type());
            }
        }
        ArrayNode ss = root.putArray("sequences");
        for (Sequence s : sequences) {
            ss.addObject().put("name", s.name()).put("value", s.value()).put("called", s.called());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and checks a manifest of at most {@link #MAX_BYTES}; anything else is refused, naming the field. */
    static Manifest read(InputStream in) {
        JsonNode root;
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BackupException(FILE + " is larger than " + MAX_BYTES + " bytes: not a komek backup");
            }
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BackupException(FILE + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BackupException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BackupException(FILE + " is not a JSON object");
        }
        String format = text(root, "format", "format");
        if (!format.equals(FORMAT)) {
            throw new BackupException(FILE + ": format is \"" + shorten(format) + "\"; this komek reads " + FORMAT);
        }
        String schema = matching(root, "schema_version", "schema_version", VERSION);
        String komek = text(root, "komek_version", "komek_version");
        Instant created;
        try {
            created = Instant.parse(text(root, "created", "created"));
        } catch (DateTimeParseException e) {
            throw bad("created", "is not an ISO 8601 instant");
        }
        var tables = new ArrayList<Table>();
        var names = new HashSet<String>();
        JsonNode ts = array(root, "tables", "tables");
        for (int i = 0; i < ts.size(); i++) {
            String at = "tables[" + i + "]";
            JsonNode t = object(ts.get(i), at);
            String name = matching(t, "name", at + ".name", NAME);
            if (!names.add(name)) {
                throw bad(at + ".name", "\"" + name + "\" is listed twice");
            }
            var columns = new ArrayList<Column>();
            var columnNames = new HashSet<String>();
            JsonNode cs = array(t, "columns", at + ".columns");
            if (cs.isEmpty()) {
                throw bad(at + ".columns", "is empty");
            }
            for (int j = 0; j < cs.size(); j++) {
                String cat = at + ".columns[" + j + "]";
                JsonNode c = object(cs.get(j), cat);
                String column = matching(c, "name", cat + ".name", NAME);
                if (!columnNames.add(column)) {
                    throw bad(cat + ".name", "\"" + column + "\" is listed twice");
                }
                columns.add(new Column(column, matching(c, "type", cat + ".type", TYPE)));
            }
            var table = new Table(
                    name,
                    columns,
                    count(t, "rows", at + ".rows"),
                    count(t, "bytes", at + ".bytes"),
                    matching(t, "sha256", at + ".sha256", SHA256));
            if (!text(t, "file", at + ".file").equals(table.file())) {
                throw bad(at + ".file", "must be \"" + table.file() + "\"");
            }
            tables.add(table);
        }
        var sequences = new ArrayList<Sequence>();
        var sequenceNames = new HashSet<String>();
        JsonNode ss = root.has("sequences") ? array(root, "sequences", "sequences") : JSON.createArrayNode();
        for (int i = 0; i < ss.size(); i++) {
            String at = "sequences[" + i + "]";
            JsonNode s = object(ss.get(i), at);
            String name = matching(s, "name", at + ".name", NAME);
            if (!sequenceNames.add(name)) {
                throw bad(at + ".name", "\"" + name + "\" is listed twice");
            }
            JsonNode value = s.get("value");
            JsonNode called = s.get("called");
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                throw bad(at + ".value", "is not a whole number");
            }
            if (called == null || !called.isBoolean()) {
                throw bad(at + ".called", "is not true or false");
            }
            sequences.add(new Sequence(name, value.longValue(), called.booleanValue()));
        }
        return new Manifest(komek, schema, created, tables, sequences);
    }

    private static BackupException bad(String field, String why) {
        return new BackupException(FILE + ", field " + field + ": " + why);
    }

    private static String text(JsonNode o, String key, String field) {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual()) {
            throw bad(field, "missing, or not a string");
        }
        return v.textValue();
    }

    private static String matching(JsonNode o, String key, String field, Pattern pattern) {
        String v = text(o, key, field);
        if (!pattern.matcher(v).matches()) {
            throw bad(field, "\"" + shorten(v) + "\" is not a valid value here");
        }
        return v;
    }

    private static long count(JsonNode o, String key, String field) {
        JsonNode v = o.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw bad(field, "is not a whole number of at least 0");
        }
        return v.longValue();
    }

    private static JsonNode array(JsonNode o, String key, String field) {
        JsonNode v = o.get(key);
        if (v == null || !v.isArray()) {
            throw bad(field, "missing, or not a list");
        }
        return v;
    }

    private static JsonNode object(JsonNode v, String field) {
        if (v == null || !v.isObject()) {
            throw bad(field, "is not an object");
        }
        return v;
    }

    /** A value from the file, quoted in a message: at most 80 characters, no control characters. */
    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }
}
