package io.crmbridge.sandbox.clio;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A Clio error answer thrown from deep in the dialect: status and message, Clio's body. */
public class ClioApiException extends RuntimeException {

    private final int status;

    public ClioApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ClioApiException badRequest(String message) {
        return new ClioApiException(400, message);
    }

    static ClioApiException unprocessable(String message) {
        return new ClioApiException(422, message);
    }

    static ClioApiException notFound(String message) {
        return new ClioApiException(404, message);
    }

    /** Turns a {@link ClioApiException} into Clio's error answer. */
    @Provider
    public static class Mapper implements ExceptionMapper<ClioApiException> {
        @Override
        public Response toResponse(ClioApiException e) {
            return ClioError.response(e.status(), e.getMessage());
        }
    }
}
