package io.crmbridge.sandbox.objects;

import io.crmbridge.sandbox.HubSpotError;

/** A HubSpot-shaped error answer: the HTTP status and the body. Mapped to a response by {@link SandboxApiExceptionMapper}. */
public class SandboxApiException extends RuntimeException {

    private final int status;
    private final transient HubSpotError error;

    public SandboxApiException(int status, HubSpotError error) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public HubSpotError error() {
        return error;
    }

    public static SandboxApiException badRequest(String message) {
        return new SandboxApiException(400, HubSpotError.validation(message));
    }

    public static SandboxApiException notFound(String message) {
        return new SandboxApiException(404, HubSpotError.notFound(message));
    }

    public static SandboxApiException conflict(String message) {
        return new SandboxApiException(409, HubSpotError.conflict(message));
    }
}
