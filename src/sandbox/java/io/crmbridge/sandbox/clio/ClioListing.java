package io.crmbridge.sandbox.clio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Clio's index endpoints: filters, {@code order}, {@code limit} and paging by {@code meta.paging.next}.
 *
 * <ul>
 * <li>{@code limit}: 1 to 200, default 200; anything else is 400 (the sandbox does not clamp).</li>
 * <li>{@code order=id(asc)} pages by cursor ({@code page_token} in the next URL) through any number of records.
 * Every other order, and no order at all, pages by {@code offset} and stops at 10,000 records: the last page
 * before that has no next link, and an {@code offset} at or past 10,000 is 422. Orders: only those the
 * resource's index publishes ({@link ClioPublished#orderable}: contacts {@code id}, {@code name}, {@code shared_at};
 * tasks have no {@code updated_at}), each {@code (asc)} or {@code (desc)}, anything else 400; ties break by id.</li>
 * <li>Eventually consistent: with a list lag set ({@link ClioStore#listLag}), an index shows each record as it was
 * that long ago (a newer record not at all), while a read by id is current.</li>
 * <li>{@code meta.records} is the number of records matching the filters (all of them, past 10,000 too).</li>
 * <li>Filters: {@code updated_since}, {@code created_since} (ISO-8601, inclusive) and {@code ids[]} (repeated: only
 * those records) on every resource; contacts:
 * {@code query} (free text over name, email addresses and web sites), {@code email} (exact, any address), {@code type};
 * matters: {@code query} (description, display number), {@code client_id}, {@code status}; notes: {@code type},
 * {@code contact_id}, {@code matter_id}; tasks: {@code matter_id}, {@code status}.</li>
 * </ul>
 */
@ApplicationScoped
public class ClioListing {

    public static final int MAX_LIMIT = 200;
    public static final int OFFSET_CAP = 10_000;
    private static final Pattern ORDER = Pattern.compile("([a-z_]+)\\((asc|desc)\\)");

    private final ClioStore store;
    private final ClioViews views;

    ClioListing(ClioStore store, ClioViews views) {
        this.store = store;
        this.views = views;
    }

    public ObjectNode page(ClioResourceType type, MultivaluedMap<String, String> q, URI requestUri) {
        ClioFields fields = ClioFields.parse(q.getFirst("fields")).checkedFor(type);
        fields.names().stream().filter(f -> store.missingFields().contains(type.apiName() + "." + f)).findFirst()
                .ifPresent(f -> {
                    throw ClioApiException.badRequest("Invalid fields for " + type.apiName() + ": " + f);
                });
        if (type == ClioResourceType.NOTES && q.getFirst("type") == null) {
            // Clio lists Matter notes or Contact notes, never both: its notes index requires type
            throw ClioApiException.badRequest("type is required: Matter or Contact");
        }
        int limit = limit(q.getFirst("limit"));
        String order = q.getFirst("order");
        if (order != null && store.refusedOrders().contains(order.trim())) {
            throw ClioApiException.badRequest("Invalid order for " + type.apiName() + ": " + order);
        }
        boolean cursor = "id(asc)".equals(order);
        Comparator<ClioRecord> comparator = comparator(type, order);
        List<ClioRecord> matching = store.listed(type).stream().filter(filter(type, q)).sorted(comparator).toList();

        List<ClioRecord> page;
        String next = null;
        if (cursor) {
            if (q.getFirst("offset") != null) {
                throw ClioApiException.badRequest("order=id(asc) pages by page_token, not offset");
            }
            long after = afterId(q.getFirst("page_token"));
            page = matching.stream().filter(r -> r.id() > after).limit(limit).toList();
            boolean more = !page.isEmpty() && matching.get(matching.size() - 1).id() > page.get(page.size() - 1).id();
            if (more) {
                next = UriBuilder.fromUri(requestUri).replaceQueryParam("page_token", token(page.get(page.size() - 1).id()))
                        .build().toString();
            }
        } else {
            if (q.getFirst("page_token") != null) {
                throw ClioApiException.badRequest("page_token needs order=id(asc)");
            }
            int offset = intParam("offset", q.getFirst("offset"), 0);
            if (offset >= OFFSET_CAP) {
                throw ClioApiException.unprocessable("Offset pagination stops at " + OFFSET_CAP
                        + " records; use order=id(asc) to page through more");
            }
            int end = Math.min(Math.min(offset + limit, matching.size()), OFFSET_CAP);
            page = offset >= end ? List.of() : matching.subList(offset, end);
            if (end < Math.min(matching.size(), OFFSET_CAP)) {
                next = UriBuilder.fromUri(requestUri).replaceQueryParam("offset", end).build().toString();
            }
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        page.forEach(r -> data.add(views.view(r, fields)));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("data", data);
        ObjectNode meta = out.putObject("meta");
        ObjectNode paging = meta.putObject("paging");
        if (next != null) {
            paging.put("next", next);
        }
        meta.put("records", matching.size());
        return out;
    }

    private static int limit(String value) {
        int limit = intParam("limit", value, MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ClioApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + value);
        }
        return limit;
    }

    private static int intParam(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw ClioApiException.badRequest(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ClioApiException.badRequest(name + " must be a number, was " + value);
        }
    }

    private static Comparator<ClioRecord> comparator(ClioResourceType type, String order) {
        Comparator<ClioRecord> byId = Comparator.comparingLong(ClioRecord::id);
        if (order == null || order.isBlank()) {
            return byId;
        }
        Matcher m = ORDER.matcher(order.trim());
        if (!m.matches() || !ClioPublished.orderable(type, m.group(1))) {
            throw ClioApiException.badRequest("Invalid order for " + type.apiName() + ": " + order + " (allowed: "
                    + new java.util.TreeSet<>(ClioPublished.orderFields(type)) + ", each (asc) or (desc))");
        }
        Comparator<ClioRecord> c = switch (m.group(1)) {
            case "id" -> byId;
            case "created_at" -> Comparator.comparing(ClioRecord::createdAt).thenComparing(byId);
            case "updated_at" -> Comparator.comparing(ClioRecord::updatedAt).thenComparing(byId);
            default -> Comparator.comparing((ClioRecord r) -> sortText(r, m.group(1))).thenComparing(byId);
        };
        return m.group(2).equals("desc") ? c.reversed() : c;
    }

    /** A field's text for ordering, a dotted name read through a relationship ({@code client.name}); "" when none. */
    private static String sortText(ClioRecord r, String field) {
        JsonNode node = r.fields();
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.isValueNode() ? node.asText("").toLowerCase(Locale.ROOT) : "";
    }

    private static Predicate<ClioRecord> filter(ClioResourceType type, MultivaluedMap<String, String> q) {
        Predicate<ClioRecord> p = r -> true;
        String updatedSince = q.getFirst("updated_since");
        if (updatedSince != null) {
            Instant since = ClioTime.parse("updated_since", updatedSince);
            p = p.and(r -> !r.updatedAt().isBefore(since));
        }
        String createdSince = q.getFirst("created_since");
        if (createdSince != null) {
            Instant since = ClioTime.parse("created_since", createdSince);
            p = p.and(r -> !r.createdAt().isBefore(since));
        }
        String query = q.getFirst("query");
        if (query != null && !query.isBlank()) {
            String needle = query.trim().toLowerCase(Locale.ROOT);
            p = p.and(r -> searchable(r).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle)));
        }
        String email = q.getFirst("email");
        if (email != null && type == ClioResourceType.CONTACTS) {
            p = p.and(r -> emails(r).anyMatch(e -> e.equalsIgnoreCase(email.trim())));
        }
        List<String> ids = q.get("ids[]");
        if (ids != null && !ids.isEmpty()) {
            java.util.Set<String> wanted = new java.util.HashSet<>();
            ids.forEach(id -> wanted.add(id.trim()));
            p = p.and(r -> wanted.contains(String.valueOf(r.id())));
        }
        p = p.and(equalsParam(q, "type", "type")).and(equalsParam(q, "status", "status"));
        p = p.and(relation(q, "client_id", "client")).and(relation(q, "contact_id", "contact"))
                .and(relation(q, "matter_id", "matter"));
        return p;
    }

    private static Predicate<ClioRecord> equalsParam(MultivaluedMap<String, String> q, String param, String field) {
        String value = q.getFirst(param);
        return value == null ? r -> true : r -> value.equalsIgnoreCase(String.valueOf(r.text(field)));
    }

    private static Predicate<ClioRecord> relation(MultivaluedMap<String, String> q, String param, String field) {
        String value = q.getFirst(param);
        return value == null ? r -> true : r -> value.trim().equals(r.fields().path(field).path("id").asText());
    }

    private static Stream<String> searchable(ClioRecord r) {
        return Stream.concat(Stream.of("name", "first_name", "last_name", "description", "display_number", "subject")
                .map(r::text).filter(s -> s != null), Stream.concat(emails(r), webSites(r)));
    }

    private static Stream<String> webSites(ClioRecord r) {
        JsonNode items = r.fields().path("web_sites");
        return Stream.iterate(0, i -> i < items.size(), i -> i + 1).map(i -> items.get(i).path("address").asText(""));
    }

    private static Stream<String> emails(ClioRecord r) {
        JsonNode items = r.fields().path("email_addresses");
        return Stream.iterate(0, i -> i < items.size(), i -> i + 1).map(i -> items.get(i).path("address").asText(""));
    }

    private static String token(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static long afterId(String token) {
        if (token == null || token.isBlank()) {
            return Long.MIN_VALUE;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Long.parseLong(decoded.substring("after:".length()));
        } catch (RuntimeException e) {
            throw ClioApiException.badRequest("page_token is not one this API issued");
        }
    }
}
