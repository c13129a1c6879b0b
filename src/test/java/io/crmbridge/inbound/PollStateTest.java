package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.ChangeQuery;

/**
 * Where a poll reads next, handed between the states of pages fetched ahead (bean pollPrefetch): a page's search runs
 * on {@link PollState#forNextPage} of the page before it, and the poll adopts the fetched page's state. A tie group
 * the CRM pages by its own token must go on from that token (without it a resumed Clio poll read the tie
 * group's first page again until max-pages, and delivered nothing after its cursor).
 */
class PollStateTest {

    private static final Instant T = Instant.parse("2026-11-30T20:54:02.604Z");
    private static final String NEXT = "https://app.clio.com/api/v4/contacts.json?order=id%28asc%29&page_token=abc";

    @Test
    void aPageSearchedAheadGoesOnFromTheTieGroupsNextPageToken() {
        PollState resumed = resumedAt(new CursorPair(T, "1001127"));
        assertThat(resumed.mode).isEqualTo(ChangeQuery.Mode.TIE_GROUP);
        resumed.pageToken = NEXT;
        resumed.pages = 1;

        PollState next = resumed.forNextPage();

        assertThat(next.mode).isEqualTo(ChangeQuery.Mode.TIE_GROUP);
        assertThat(next.at).isEqualTo(T);
        assertThat(next.afterId).isEqualTo("1001127");
        assertThat(next.pageToken).as("the CRM's next-page token").isEqualTo(NEXT);
        assertThat(next.pages).isEqualTo(1);
    }

    @Test
    void thePollAdoptsWhereTheFetchedPageEndsTokenIncluded() {
        PollState poll = resumedAt(new CursorPair(T, "1001127"));
        PollState fetched = poll.forNextPage();
        fetched.pageToken = NEXT;
        fetched.afterId = "1001130";
        fetched.pages = 1;

        poll.adopt(fetched);

        assertThat(poll.pageToken).isEqualTo(NEXT);
        assertThat(poll.afterId).isEqualTo("1001130");
        assertThat(poll.forNextPage().pageToken).isEqualTo(NEXT);
    }

    @Test
    void theLastPageOfATieGroupHandsOnNoToken() {
        PollState poll = resumedAt(new CursorPair(T, "1001127"));
        PollState fetched = poll.forNextPage();
        fetched.pageToken = null;
        fetched.mode = ChangeQuery.Mode.FORWARD;

        poll.adopt(fetched);

        assertThat(poll.pageToken).isNull();
        assertThat(poll.forNextPage().mode).isEqualTo(ChangeQuery.Mode.FORWARD);
    }

    private static PollState resumedAt(CursorPair cursor) {
        return new PollState("clio", "contacts", "poll-clio-contacts", cursor, T.plusSeconds(60));
    }
}
