package io.crmbridge.sandbox.seed;

import java.util.SplittableRandom;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.SandboxApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /sandbox/hubspot/_sandbox/seed}: bulk-create seed records in memory (no token needed). */
@Path("/sandbox/hubspot/_sandbox/seed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeedResource {

    static final int MAX_PER_TYPE = 1_000_000;

    @RegisterForReflection
    public record SeedRequest(Integer contacts, Integer companies, Integer deals) {
    }

    @RegisterForReflection
    public record Seeded(int contacts, int companies, int deals, long elapsedMillis) {
    }

    @Inject
    SeedGenerator generator;

    @POST
    public Seeded seed(SeedRequest request) {
        if (request == null) {
            throw SandboxApiException.badRequest("Body needs contacts, companies and/or deals counts");
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom();
        int contacts = generator.seed(ObjectType.CONTACTS, count(request.contacts()), random);
        int companies = generator.seed(ObjectType.COMPANIES, count(request.companies()), random);
        int deals = generator.seed(ObjectType.DEALS, count(request.deals()), random);
        return new Seeded(contacts, companies, deals, (System.nanoTime() - start) / 1_000_000);
    }

    private static int count(Integer n) {
        if (n == null) {
            return 0;
        }
        if (n < 0 || n > MAX_PER_TYPE) {
            throw SandboxApiException.badRequest("A seed count must be between 0 and " + MAX_PER_TYPE + ", was " + n);
        }
        return n;
    }
}
