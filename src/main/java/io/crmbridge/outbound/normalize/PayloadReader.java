package io.crmbridge.outbound.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads values out of a parsed payload by JSON Pointer (RFC 6901), the way the normalizers need them. */
final class PayloadReader {

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final JsonNode root;

    PayloadReader(ObjectMapper json, Object payload) {
        this.root = json.valueToTree(payload);
    }

    /** The text at {@code pointer}, or null when absent, null or empty. */
    String text(String pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text.trim();
    }

    Boolean bool(String pointer) {
        String text = text(pointer);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase()) {
            case "true", "yes", "y", "1", "on" -> true;
            default -> false;
        };
    }

    List<String> list(String pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            return values;
        }
        String text = text(pointer);
        return text == null ? null : List.of(text.split("\\s*,\\s*"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(ObjectMapper json, String pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        return node.isObject() ? json.convertValue(node, LinkedHashMap.class) : null;
    }

    /** The payload with its keys sorted: the same content always hashes the same. */
    String canonical() {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(root, Object.class));
        } catch (JsonProcessingException e) {
            return root.toString();
        }
    }
}
