package io.crmbridge.sandbox.objects;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A page of results: {@code total} (search only), {@code results}, {@code paging.next.after} when there is more. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionJson<T>(Integer total, List<T> results, Paging paging) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Paging(Next next) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Next(String after, String link) {
    }

    public static Paging next(String after, String link) {
        return after == null ? null : new Paging(new Next(after, link));
    }
}
