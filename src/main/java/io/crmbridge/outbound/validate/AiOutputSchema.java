package io.crmbridge.outbound.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schema the AI output of an event ({@code routing} and {@code ai}) must satisfy before any of it is used
 * (networknt json-schema-validator, draft 2020-12).
 */
@ApplicationScoped
public class AiOutputSchema {

    static final String PACKAGED = "schemas/ai-output.schema.json";

    private final JsonSchema schema;
    private final ObjectMapper json;

    AiOutputSchema(ValidationConfig config, ObjectMapper json) {
        this.json = json;
        this.schema = load(config);
    }

    /** The schema's complaints about {routing, ai}; empty when valid. */
    public List<String> violations(Map<String, Object> routing, Map<String, Object> ai) {
        Map<String, Object> output = new java.util.LinkedHashMap<>();
        if (routing != null) {
            output.put("routing", routing);
        }
        if (ai != null) {
            output.put("ai", ai);
        }
        JsonNode node = json.valueToTree(output);
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(ValidationConfig config) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = config.aiSchema().isPresent() ? Files.newInputStream(Path.of(config.aiSchema().get()))
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new IllegalStateException("AI output schema not found: " + PACKAGED);
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("AI output schema cannot be read", e);
        }
    }
}
