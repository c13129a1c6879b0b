package io.crmbridge.sandbox.auth;

import jakarta.ws.rs.FormParam;

/** The form fields of {@code POST /oauth/v1/token} the sandbox reads. */
public class TokenForm {

    @FormParam("grant_type")
    public String grantType;

    @FormParam("client_id")
    public String clientId;

    @FormParam("client_secret")
    public String clientSecret;

    @FormParam("refresh_token")
    public String refreshToken;

    @FormParam("scope")
    public String scope;
}
