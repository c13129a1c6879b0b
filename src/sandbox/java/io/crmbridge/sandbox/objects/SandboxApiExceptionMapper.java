package io.crmbridge.sandbox.objects;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a {@link SandboxApiException} into its HubSpot error response. */
@Provider
public class SandboxApiExceptionMapper implements ExceptionMapper<SandboxApiException> {

    @Override
    public Response toResponse(SandboxApiException e) {
        return e.error().toResponse(e.status());
    }
}
