package io.crmbridge.sandbox.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.restassured.filter.Filter;

/**
 * The sandbox's own OpenAPI description ({@value #SPEC_RESOURCE} on the classpath) as a validator: for RestAssured
 * tests (a filter that checks every request and response a test sends), for raw requests the server received
 * ({@link SandboxContractRecorder}) and for synthetic request/response pairs (the harness self-tests).
 */
public final class SandboxContract {

    public static final String SPEC_RESOURCE = "sandbox/hubspot-sandbox-openapi.yaml";
    public static final String BASE_PATH = "/sandbox/hubspot";
    public static final String STATIC_TOKEN = "sandbox-token";

    /** Parts of the sandbox the description covers: HubSpot's API. Everything else (control endpoints) is ours. */
    private static final List<String> DESCRIBED_PREFIXES = List.of(BASE_PATH + "/crm/", BASE_PATH + "/oauth/");

    private static final String SPEC = readSpec();

    /** Requests and responses fully checked: what every client of the sandbox, the bridge included, is held to. */
    private static final OpenApiInteractionValidator VALIDATOR = build(strictLevels());

    /** Only the response is checked: for tests that send an invalid request on purpose to see the error answer. */
    private static final OpenApiInteractionValidator RESPONSE_ONLY = build(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE)
            .build());

    private SandboxContract() {
    }

    /**
     * Every finding is an error. The resolver relaxes nothing on purpose, and these are the choices behind that:
     * <ul>
     * <li>Control endpoints ({@code /_sandbox/...}) are not in the description; they are skipped by path
     * ({@link #isDescribed}) before validation, not by lowering {@code validation.request.path.missing}, which would
     * also hide a client calling a HubSpot path that does not exist.</li>
     * <li>{@code validation.request.security.missing} stays an error on CRM operations: a bridge request without a
     * bearer token is a bug. Tests that omit the token on purpose use {@link #responseOnlyFilter()}.</li>
     * <li>{@code validation.request.parameter.query.unexpected} stays an error: HubSpot ignores unknown query
     * parameters, so a misspelt {@code propertiess=} would silently return the default properties.</li>
     * <li>{@code ...schema.additionalProperties} stays an error for requests and responses: the description lists
     * every field HubSpot defines, so an unknown field is a misspelling on one side or the other.</li>
     * </ul>
     */
    private static LevelResolver strictLevels() {
        return LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build();
    }

    private static OpenApiInteractionValidator build(LevelResolver levels) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).withLevelResolver(levels).build();
    }

    public static OpenApiInteractionValidator validator() {
        return VALIDATOR;
    }

    /** True for paths the description covers (HubSpot API paths under the sandbox), false for control endpoints. */
    public static boolean isDescribed(String path) {
        return DESCRIBED_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** A RestAssured filter validating each request and response against the description; control endpoints pass. */
    public static Filter filter() {
        return new SandboxContractFilter(VALIDATOR);
    }

    /**
     * A RestAssured filter checking only the response (its status must be declared for the operation and its body
     * must match): for tests that send an invalid request, or none of the token, on purpose.
     */
    public static Filter responseOnlyFilter() {
        return new SandboxContractFilter(RESPONSE_ONLY);
    }

    public static ValidationReport validateRequest(RawRequest request) {
        return VALIDATOR.validateRequest(request.toValidatorRequest());
    }

    /** Validates a response as the answer to {@code request} (both checked). */
    public static ValidationReport validate(RawRequest request, int status, String contentType, String body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null) {
            response.withBody(body);
        }
        return VALIDATOR.validate(request.toValidatorRequest(), response.build());
    }

    /** Validates only a response, as the answer to {@code method path}. */
    public static ValidationReport validateResponse(String method, String path, int status, String contentType,
            String body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null) {
            response.withBody(body);
        }
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method.toUpperCase()), response.build());
    }

    /** The error-level messages of a report, one line each ({@code key: message}). */
    public static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private static String readSpec() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
