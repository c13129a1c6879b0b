package io.crmbridge.outbound.queue;

import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;

/** The thread pool of route {@code event-dispatch} ({@code #eventWorkers}): crmbridge.dispatch.workers threads. */
@ApplicationScoped
public class EventWorkers {

    @Produces
    @ApplicationScoped
    @Named("eventWorkers")
    ExecutorService eventWorkers(CamelContext camel, DispatchConfig config) {
        return camel.getExecutorServiceManager().newFixedThreadPool(this, "event-worker", config.workers());
    }

    void close(@Disposes @Named("eventWorkers") ExecutorService pool) {
        pool.shutdown();
    }
}
