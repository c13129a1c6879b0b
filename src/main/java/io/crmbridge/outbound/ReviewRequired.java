package io.crmbridge.outbound;

/**
 * An event a human must look at before anything of it reaches the CRM: malformed JSON, failed validation or AI
 * schema, an ambiguous match, an owner that cannot be resolved. Goes to {@code review_item}, replayable.
 */
public class ReviewRequired extends RuntimeException {

    private final String code;

    public ReviewRequired(String code, String reason) {
        super(reason);
        this.code = code;
    }

    /** From a YAML route ({@code throwException} with a message): the event goes to review with code ROUTE. */
    public ReviewRequired(String reason) {
        this("ROUTE", reason);
    }

    public String code() {
        return code;
    }
}
