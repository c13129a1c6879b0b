package io.crmbridge.inbound;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import io.crmbridge.model.ExchangeKeys;

/**
 * Fetching runs ahead of delivering (route {@code poll-pages}). A page's search needs only where the page before it
 * ends, known as soon as that page's search answers, so the searches run back to back: route
 * {@code poll-search-page} reads page N, and right away page N+1's search starts while route
 * {@code poll-page-history} reads page N's property history, and page N-1's transaction commits. Each page is fetched
 * on {@link PollState#forNextPage a state of its own} and the poll {@link PollState#adopt adopts} it only after the
 * page before it is delivered, so the cursor still advances only after a commit, page by page, in order. Pages
 * fetched or searched ahead of a poll that then stops or fails are dropped unread: nothing was committed for them.
 */
@ApplicationScoped
@Named("pollPrefetch")
public class PollPrefetch {

    private static final String SEARCH_ROUTE = "direct:poll-search-page";
    private static final String HISTORY_ROUTE = "direct:poll-page-history";

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
        CompletableFuture<Exchange> ahead = future(exchange, ExchangeKeys.POLL_NEXT_PAGE);
        Exchange fetched;
        try {
            fetched = (ahead != null ? ahead : fetch(search(exchange.getContext(), state))).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (fetched.getException() != null) {
            throw fetched.getException();
        }
        state.adopt(fetched.getProperty(ExchangeKeys.POLL_STATE, PollState.class));
        exchange.setProperty(ExchangeKeys.POLL_NEXT_SEARCH, fetched.getProperty(ExchangeKeys.POLL_NEXT_SEARCH));
    }

    /**
     * While the page just taken is delivered, the next one (if the poll goes on) is fetched: its search, started when
     * the page just taken was searched, then its history.
     */
    public void ahead(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        CompletableFuture<Exchange> searched = future(exchange, ExchangeKeys.POLL_NEXT_SEARCH);
        if (state.more) {
            exchange.setProperty(ExchangeKeys.POLL_NEXT_PAGE, fetch(searched != null ? searched : search(exchange.getContext(), state)));
        }
    }

    /** The search of the page after where {@code state} ends, on a state of its own. */
    private CompletableFuture<Exchange> search(CamelContext context, PollState state) {
        Exchange search = new DefaultExchange(context);
        search.getMessage().setHeader(ExchangeKeys.POLL_CONNECTION, state.connection);
        search.getMessage().setHeader(ExchangeKeys.POLL_OBJECT, state.object);
        search.setProperty(ExchangeKeys.POLL_STATE, state.forNextPage());
        return producer.asyncSend(SEARCH_ROUTE, search);
    }

    /**
     * A page once searched: the next page's search starts (if there is one), then this page's history is read. A
     * failed search is the page's answer as it is.
     */
    private CompletableFuture<Exchange> fetch(CompletableFuture<Exchange> search) {
        return search.thenCompose(searched -> {
            if (searched.getException() != null) {
                return CompletableFuture.completedFuture(searched);
            }
            PollState page = PollSteps.state(searched);
            if (page.more) {
                searched.setProperty(ExchangeKeys.POLL_NEXT_SEARCH, search(searched.getContext(), page));
            }
            return producer.asyncSend(HISTORY_ROUTE, searched);
        });
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Exchange> future(Exchange exchange, String property) {
        return (CompletableFuture<Exchange>) exchange.removeProperty(property);
    }
}
