package kz.komek.bundle;

import static kz.komek.bundle.BundleFields.array;
import static kz.komek.bundle.BundleFields.object;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kz.komek.progress.Progress;

/**
 * Reads a {@code komek-bundle/1} file without holding it: Jackson's streaming parser walks the top level, and each
 * question is read as a small tree and checked by the same code as {@link BundleJson#read} (so problems are named
 * alike), one at a time. The format does not say where {@code questions} stands among the other fields, and sites
 * and sections must be written before questions, so a file is read twice: {@link #scan} checks everything and keeps
 * all but the questions, then the questions are read again as the import writes them.
 */
public final class BundleReader {
    private static final long MB = 1_000_000;

    private final BundleJson json = new BundleJson();

    /**
     * Whether {@code source} is a JSON object (after a byte order mark and white space), so a bundle to stream; a
     * page payload or anything else is read whole, as before, and refused there with its own message.
     */
    public static boolean isBundle(BundleSource source) {
        try (Reader in = text(source.open())) {
            int c;
            do {
                c = in.read();
            } while (c >= 0 && Character.isWhitespace(c));
            return c == '{';
        } catch (IOException e) {
            return false; // not UTF-8 or unreadable: the whole reading says which
        }
    }

    /**
     * The first pass: checks every record of the file, as {@link BundleJson#read} does and in the same order (the
     * format, locales, sites, sections, questions, unknown fields; a syntax error anywhere first), and returns the
     * input whose questions read the file again. Reports the bytes read as it goes ({@code checking}, in MB).
     */
    public BundleInput scan(BundleSource source, Progress progress) {
        progress.phase("checking", (source.size() + MB - 1) / MB, "MB");
        try (var counted = new Counted(source.open());
                JsonParser p = json.mapper().createParser(counted)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                if (t != null) {
                    p.readValueAsTree(); // a syntax error in what follows is said first, as a whole reading does
                }
                throw BundleJson.notAnObject();
            }
            ObjectNode root = json.mapper().createObjectNode();
            var ids = new HashSet<Long>();
            long[] order = new long[1024];
            int count = 0;
            var notes = new ArrayList<String>();
            BundleException problem = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("questions") || value != JsonToken.START_ARRAY) {
                    root.set(name, value == JsonToken.VALUE_NULL ? root.nullNode() : p.readValueAsTree());
                    continue;
                }
                root.putNull(name); // its place among the fields; its records are checked here
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (problem != null) {
                        p.skipChildren(); // still parsed: a syntax error further on is said instead
                        i++;
                        continue;
                    }
                    JsonNode n = p.readValueAsTree();
                    {
                        // the first problem is said after the whole file parsed and the head is checked
                        try {
                            String at = "questions[" + i + "]";
                            object(n, at);
                            Bundle.Question q = json.questionAt(n, at, ids);
                            if (count == order.length) {
                                order = Arrays.copyOf(order, count * 2);
                            }
                            order[count++] = q.id();
                            notes.addAll(BundleInput.unknownFieldNotes(q));
                        } catch (BundleException e) {
                            problem = e;
                        }
                    }
                    i++;
                    progress.at(counted.count / MB);
                }
            }
            Bundle head = json.head(root);
            array(root.get("questions"), "bundle", "questions");
            if (problem != null) {
                throw problem;
            }
            // materials are few: read whole, with the head
            List<Bundle.Material> materials = json.materials(root);
            Map<String, JsonNode> extra = json.topExtra(root);
            long[] inOrder = Arrays.copyOf(order, count);
            return new BundleInput(
                    new Bundle(
                            head.locales(),
                            head.defaultLocale(),
                            head.sites(),
                            head.sections(),
                            List.of(),
                            materials,
                            extra),
                    inOrder,
                    notes,
                    sink -> questions(source, inOrder, sink));
        } catch (JsonProcessingException e) {
            throw notJson(source, e);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * The second pass: hands over the questions of a scanned file one at a time, checked again as they are built.
     * A file that no longer lists the questions the scan found (it changed in between) is refused.
     */
    private void questions(BundleSource source, long[] ids, Consumer<Bundle.Question> sink) {
        try (JsonParser p = json.mapper().createParser(source.open())) {
            p.nextToken();
            int i = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.START_ARRAY || !name.equals("questions")) {
                    p.skipChildren();
                    continue;
                }
                var seen = new HashSet<Long>(); // one id at a time: the scan refused duplicates
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode n = p.readValueAsTree();
                    String at = "questions[" + i + "]";
                    object(n, at);
                    seen.clear();
                    Bundle.Question q = json.questionAt(n, at, seen);
                    if (i >= ids.length || ids[i] != q.id()) {
                        throw changed(source);
                    }
                    i++;
                    sink.accept(q);
                }
            }
            if (i != ids.length) {
                throw changed(source);
            }
        } catch (JsonProcessingException e) {
            throw notJson(source, e);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * Jackson reads the bytes as UTF-8 itself (the first bytes, checked by {@link #isBundle}, name no other
     * encoding), faster than a decoder in front of it; a byte that is not UTF-8 is its error, said as before.
     */
    private static BundleException notJson(BundleSource source, JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Invalid UTF-8")) {
            return new BundleException(source.name(), "is not UTF-8 text");
        }
        return BundleJson.notJson("bundle", e);
    }

    private static BundleException changed(BundleSource source) {
        return new BundleException(source.name(), "changed while it was being imported; import it again");
    }

    private static BundleException unreadable(BundleSource source, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new BundleException(source.name(), "is not UTF-8 text");
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new BundleException(source.name(), "no such file");
        }
        return new BundleException(source.name(), "cannot read: " + e.getMessage());
    }

    /**
     * The start of a file as UTF-8 that must be UTF-8 (a bad byte is an error, never a replacement character),
     * without a byte order mark.
     */
    private static Reader text(InputStream in) throws IOException {
        var reader = new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Counts the bytes read, for the first pass's progress. */
    private static final class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
