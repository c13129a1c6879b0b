package io.crmbridge.sandbox.objects;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A batch body: {@code inputs}, and for batch read {@code idProperty} and {@code properties}. */
@RegisterForReflection
public record BatchInput(List<ObjectInput> inputs, String idProperty, List<String> properties,
        List<String> propertiesWithHistory) {

    public static final int MAX_INPUTS = 100;

    /** The inputs, or HubSpot's 400 when they are missing or more than {@value #MAX_INPUTS}. */
    public List<ObjectInput> checkedInputs() {
        if (inputs == null) {
            throw SandboxApiException.badRequest("A batch needs 'inputs'");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw SandboxApiException.badRequest("Too many inputs: " + inputs.size() + " given, at most " + MAX_INPUTS
                    + " are allowed per batch");
        }
        return inputs;
    }
}
