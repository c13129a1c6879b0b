package io.crmbridge.sandbox.clio;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorization codes the token endpoint accepts, each once (the consent step of the authorization-code flow is
 * not modelled: a code is valid from start-up, or issued by {@code POST /sandbox/clio/_sandbox/oauth/codes}).
 */
@ApplicationScoped
public class ClioAuthCodes {

    private final ClioConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();

    ClioAuthCodes(ClioConfig config) {
        this.config = config;
        reset();
    }

    public void reset() {
        valid.clear();
        valid.add(config.oauth().authorizationCode());
    }

    /** A new valid code, or the given one made valid again. */
    public String issue(String code) {
        String value = code == null || code.isBlank() ? newCode() : code;
        valid.add(value);
        return value;
    }

    /** True once per valid code. */
    public boolean consume(String code) {
        return code != null && valid.remove(code);
    }

    private String newCode() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return "clio-code-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
