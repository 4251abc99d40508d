package kz.komek.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline of scripts/bench-import.sh: one plain pass of Jackson's streaming parser over a bundle, reading each
 * question as a tree (as the import's reader does) and counting them, with no checks and no database. What reading
 * the file costs at the least on this machine; the import reads it twice.
 */
public final class CountQuestions {
    private CountQuestions() {}

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        long count = 0;
        var mapper = new ObjectMapper(new JsonFactory());
        try (JsonParser p = mapper.createParser(Files.newBufferedReader(Path.of(args[0])))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && name.equals("questions")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.readValueAsTree();
                        count++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        System.out.printf("%d questions in %.2f s%n", count, (System.nanoTime() - started) / 1e9);
    }
}
