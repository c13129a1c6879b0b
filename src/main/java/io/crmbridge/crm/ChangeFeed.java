package io.crmbridge.crm;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Role: the records changed since a cursor, page by page, for the inbound poll (and its merges and clock). */
public interface ChangeFeed {

    /** One page of records changed since the cursor: forward by modification time, or one tie group by id. */
    CrmRequest searchChanged(ChangeQuery query);

    /**
     * Whether a tie group is paged by the CRM's next-page token ({@link #nextPage}) rather than by an id filter: the
     * query may then answer records outside the group, which the poll leaves out, and the group ends with the token.
     */
    default boolean pagesTieGroupsByToken() {
        return false;
    }

    /**
     * Whether the feed lists changed records in id order rather than by modification time (a CRM that cannot order a
     * listing by modification time, as Clio's contacts): a poll then reads the whole set changed since the cursor,
     * page after page by the CRM's next-page token ({@link ChangeQuery#pageToken()} on {@link ChangeQuery.Mode#FORWARD}),
     * and moves the cursor to the largest modification time read only after the last page (docs/architecture.md,
     * "Poll").
     */
    default boolean sweepsChangesById() {
        return false;
    }

    /** The next-page token of a {@link #searchChanged} answer, or null when it is the last page (or the CRM has none). */
    default String nextPage(CrmAnswer answer) {
        return null;
    }

    /** Properties a poll reads besides the mapped ones so that merges can be seen (e.g. the ids merged into a record). */
    default List<String> noticeProperties(String object) {
        return List.of();
    }

    /** The ids of the records that were merged into this one (read through {@link #noticeProperties}). */
    default List<String> mergedIds(String object, CrmRecord record) {
        return List.of();
    }

    /** The CRM's own clock at the time of an answer (HTTP {@code Date}), when the answer says. */
    default Optional<Instant> serverTime(Function<String, String> responseHeader) {
        String date = responseHeader.apply("Date");
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Read-only requests (GETs) that each test one thing the poll's listing relies on, for the contract probe to
     * pinpoint what an account refuses when the sample listing is refused: keys {@code order:<value>} (the order the
     * poll lists by) and {@code field:<property>} (one property each). None by default.
     */
    default java.util.Map<String, CrmRequest> contractChecks(String object, List<String> properties) {
        return java.util.Map.of();
    }

    /**
     * A read-only request (GET) for at most one live record of the object with these properties, for the contract
     * probe. The default asks for one changed record, which is a GET only where the change search is; the probe
     * refuses anything but a GET.
     */
    default CrmRequest sampleRecord(String object, List<String> properties) {
        return searchChanged(ChangeQuery.forward(object, null, null, 1, properties));
    }
}
