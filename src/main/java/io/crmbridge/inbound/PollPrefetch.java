package io.crmbridge.inbound;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import io.crmbridge.model.ExchangeKeys;

/**
 * Fetching runs one page ahead of delivering (route {@code poll-pages}): the next page's search only needs where the
 * current page ends, which is known once it is read, so route {@code poll-fetch-page} reads page N+1 (search and
 * property history) on its own exchange while page N's transaction commits. The fetch works on
 * {@link PollState#forNextPage a state of its own} and the poll {@link PollState#adopt adopts} it only after page N is
 * delivered, so the cursor still advances only after a commit, page by page, in order. A page fetched ahead of a poll
 * that then stops or fails is dropped unread: nothing was committed for it.
 */
@ApplicationScoped
@Named("pollPrefetch")
public class PollPrefetch {

    static final String NEXT_PAGE = ExchangeKeys.POLL_NEXT_PAGE;
    private static final String FETCH_ROUTE = "direct:poll-fetch-page";

    private final ProducerTemplate producer;

    PollPrefetch(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * The page to deliver now: the one fetched ahead, or (the poll's first page) fetched now. A failed fetch fails
     * the poll here, after the page before it committed.
     */
    public void take(Exchange exchange) throws Exception {
        PollState state = PollSteps.state(exchange);
        @SuppressWarnings("unchecked")
        CompletableFuture<Exchange> ahead = exchange.getProperty(NEXT_PAGE, CompletableFuture.class);
        exchange.removeProperty(NEXT_PAGE);
        Exchange fetched;
        try {
            fetched = (ahead != null ? ahead : fetch(exchange, state)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (fetched.getException() != null) {
            throw fetched.getException();
        }
        state.adopt(fetched.getProperty(PollState.PROPERTY, PollState.class));
    }

    /** While the page just taken is delivered, the next one (if the poll goes on) is fetched. */
    public void ahead(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        if (state.more) {
            exchange.setProperty(NEXT_PAGE, fetch(exchange, state));
        }
    }

    private CompletableFuture<Exchange> fetch(Exchange exchange, PollState state) {
        Exchange fetch = new DefaultExchange(exchange.getContext());
        fetch.getMessage().setHeader(ExchangeKeys.POLL_CONNECTION, state.connection);
        fetch.getMessage().setHeader(ExchangeKeys.POLL_OBJECT, state.object);
        fetch.setProperty(PollState.PROPERTY, state.forNextPage());
        return producer.asyncSend(FETCH_ROUTE, fetch);
    }
}
