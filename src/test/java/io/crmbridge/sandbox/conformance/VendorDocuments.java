package io.crmbridge.sandbox.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The vendors' own published API documents, read from a directory given on the command line
 * ({@code -Dvendor-specs=DIR}, holding {@code hubspot/*.json} and {@code clio/openapi.json}), as validators of what
 * reached the sandbox and what it answered. The project never ships or loads these documents otherwise: this class
 * runs only in the conformance profile (docs/testing.md).
 *
 * <p>Every finding is an error, except the published documents' own known quirks ({@link KnownQuirks}).
 */
final class VendorDocuments {

    /** One vendor's documents: each a validator for the paths it publishes. */
    record Vendor(String name, List<Document> documents) {
    }

    record Document(String file, OpenAPI api, OpenApiInteractionValidator validator) {
    }

    /** What the vendor's document says about one exchange: which document, request and response errors. */
    record Verdict(String document, List<String> requestErrors, List<String> responseErrors) {

        static Verdict uncovered() {
            return new Verdict(null, List.of(), List.of());
        }

        boolean covered() {
            return document != null;
        }
    }

    private static final String PATH_MISSING = "validation.request.path.missing";

    /**
     * Every finding is an error but one: an object carrying a property its schema does not list. OpenAPI allows that
     * unless a schema says {@code additionalProperties: false}; the validator's own default forbids it, which would
     * also fail every {@code allOf} of two parts (Clio's records). A property of the wrong type, a required one
     * missing, a value outside its enum or format, an undeclared query parameter or status all stay errors.
     */
    private static final LevelResolver LEVELS = LevelResolver.create()
            .withDefaultLevel(ValidationReport.Level.ERROR)
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build();

    private final Vendor hubspot;
    private final Vendor clio;

    private VendorDocuments(Vendor hubspot, Vendor clio) {
        this.hubspot = hubspot;
        this.clio = clio;
    }

    static VendorDocuments read(Path dir) {
        Vendor hubspot = new Vendor("hubspot", documents(dir.resolve("hubspot")));
        Vendor clio = new Vendor("clio", documents(dir.resolve("clio")));
        if (hubspot.documents().isEmpty() || clio.documents().isEmpty()) {
            throw new IllegalStateException("vendor-specs " + dir.toAbsolutePath()
                    + " must hold hubspot/*.json and clio/openapi.json");
        }
        return new VendorDocuments(hubspot, clio);
    }

    /**
     * Validates one exchange against the vendor's document that publishes its path; {@link Verdict#uncovered()} when
     * none does (the exchange is counted, not judged).
     */
    Verdict judge(VendorExchange exchange) {
        Vendor vendor = exchange.vendor().equals("clio") ? clio : hubspot;
        for (Document document : vendor.documents()) {
            SimpleRequest request = request(exchange);
            ValidationReport requestReport = document.validator().validateRequest(request);
            if (requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals(PATH_MISSING))) {
                continue;
            }
            List<String> requestErrors = KnownQuirks.errors(exchange, requestReport);
            if (exchange.injectedFault() != null) {
                // A fault the sandbox injected stands for a failing network or gateway, which no vendor document
                // describes: the request is judged, the stand-in answer is not.
                return new Verdict(document.file(), requestErrors, List.of());
            }
            ValidationReport responseReport = document.validator().validateResponse(exchange.vendorPath(),
                    request.getMethod(), response(exchange));
            List<String> responseErrors = new ArrayList<>(KnownQuirks.errors(exchange, responseReport));
            ContentTypes.check(document.api(), exchange).ifPresent(responseErrors::add);
            return new Verdict(document.file(), requestErrors, responseErrors);
        }
        return Verdict.uncovered();
    }

    private static SimpleRequest request(VendorExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.vendorPath());
        exchange.query().forEach(builder::withQueryParam);
        for (Map.Entry<String, List<String>> header : exchange.requestHeaders().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (exchange.requestBody() != null) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(VendorExchange exchange) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        Optional.ofNullable(exchange.responseBody()).ifPresent(builder::withBody);
        return builder.build();
    }

    /**
     * Parses one document as published. The parser's own remarks about the document (Clio's repeats a tag name, for
     * one) do not stop the check; a document it cannot read at all does.
     */
    private static OpenAPI parse(Path file) throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(Files.readString(file, StandardCharsets.UTF_8), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException(file + " is not an OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static List<Document> documents(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                OpenAPI api = parse(file);
                OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(api)
                        .withLevelResolver(LEVELS).withResolveRefs(true).build();
                documents.add(new Document(dir.getFileName() + "/" + file.getFileName(), api, validator));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
