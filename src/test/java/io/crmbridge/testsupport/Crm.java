package io.crmbridge.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.apache.camel.ProducerTemplate;

/** Sends writes through the bridge's CRM endpoint routes, as the pipeline does. */
public final class Crm {

    private Crm() {
    }

    public static Map<String, Object> contact(String email) {
        return Map.of("email", email, "firstname", "Test", "lastname", email.substring(0, email.indexOf('@')));
    }

    /** Sends {@code count} bodies to {@code endpoint} from {@code threads} threads; returns each answer or failure. */
    public static List<Future<Object>> sendConcurrently(ProducerTemplate producer, String endpoint, int count, int threads,
            IntFunction<Object> body) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Object b = body.apply(i);
                results.add(pool.submit(() -> producer.requestBody(endpoint, b)));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
