package io.crmbridge.sandbox.contract;

import java.util.List;

/** One request the sandbox received that does not validate against its description, with the validator's errors. */
public record ContractViolation(String method, String path, List<String> errors) {

    @Override
    public String toString() {
        return method + " " + path + " " + errors;
    }
}
