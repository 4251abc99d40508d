package kz.komek.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The unknown fields an import keeps ({@code extra}), as the jsonb column stores them and back, in their order. */
final class ExtraJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String write(Map<String, JsonNode> extra) {
        ObjectNode o = mapper.createObjectNode();
        extra.forEach(o::set);
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, JsonNode> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            var map = new LinkedHashMap<String, JsonNode>();
            mapper.readTree(json).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored extra fields are not JSON", e);
        }
    }
}
