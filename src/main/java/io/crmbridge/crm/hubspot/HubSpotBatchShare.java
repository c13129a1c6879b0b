package io.crmbridge.crm.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One input's share of a HubSpot batch or search answer ({@code results}, {@code errors}, {@code numErrors}): the
 * results whose property (or, for associations, {@code fromObjectId} / {@code toObjectId}, else {@code id}) holds one of
 * the input's keys, and the {@code StandardError}s naming one of them exactly: a value of {@code context}, or a whole
 * word of {@code message}.
 */
final class HubSpotBatchShare {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\"'`\\[\\](){}<>,;=|]+");

    private HubSpotBatchShare() {
    }

    static Map<String, Object> of(Object answer, String keyProperty, Collection<String> keys) {
        Set<String> wanted = keys.stream().filter(k -> k != null).map(HubSpotBatchShare::norm).collect(Collectors.toSet());
        return share(answer, r -> holds(r, keyProperty, wanted), e -> names(e, wanted));
    }

    /** An association pair's share: the results and errors naming both its from and its to record. */
    static Map<String, Object> ofPair(Object answer, String fromId, String toId) {
        return share(answer, r -> pair(r.get("fromObjectId"), r.get("toObjectId"), fromId, toId),
                e -> e.get("context") instanceof Map<?, ?> c
                        && pair(first(c.get("fromObjectId")), first(c.get("toObjectId")), fromId, toId));
    }

    /** A batch answer cut down to the results and errors one caller's inputs name, shaped like HubSpot's own. */
    private static Map<String, Object> share(Object answer, Predicate<Map<?, ?>> result, Predicate<Map<?, ?>> error) {
        List<Object> results = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        if (answer instanceof Map<?, ?> map) {
            if (map.get("results") instanceof List<?> list) {
                list.stream().filter(r -> r instanceof Map<?, ?> m && result.test(m)).forEach(results::add);
            }
            if (map.get("errors") instanceof List<?> list) {
                list.stream().filter(e -> e instanceof Map<?, ?> m && error.test(m)).forEach(errors::add);
            }
        }
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("status", "COMPLETE");
        share.put("results", results);
        if (!errors.isEmpty()) {
            share.put("numErrors", errors.size());
            share.put("errors", errors);
        }
        return share;
    }

    private static boolean pair(Object from, Object to, String fromId, String toId) {
        return from != null && to != null && norm(from).equals(norm(fromId)) && norm(to).equals(norm(toId));
    }

    private static Object first(Object values) {
        return values instanceof List<?> list && !list.isEmpty() ? list.get(0) : values;
    }

    private static boolean holds(Map<?, ?> result, String keyProperty, Set<String> wanted) {
        if (keyProperty != null && result.get("properties") instanceof Map<?, ?> properties) {
            Object value = properties.get(keyProperty);
            if (value != null && wanted.contains(norm(value))) {
                return true;
            }
        }
        for (String field : List.of("id", "fromObjectId", "toObjectId")) {
            if (keyProperty == null && result.get(field) != null && wanted.contains(norm(result.get(field)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(Map<?, ?> error, Set<String> wanted) {
        if (error.get("context") instanceof Map<?, ?> context) {
            for (Object values : context.values()) {
                if (values instanceof Collection<?> list && list.stream().anyMatch(v -> v != null && wanted.contains(norm(v)))) {
                    return true;
                }
            }
        }
        // a key in the message counts only as a whole word of it (acme.com is not named by an error about
        // acme.com.au), and never a number (an id or a count in the message may equal it)
        Set<String> words = words(error.get("message"));
        return wanted.stream().anyMatch(k -> !k.chars().allMatch(Character::isDigit) && words.contains(k));
    }

    /** The message's words: split at spaces, quotes, brackets and separators, without a sentence's closing dot. */
    static Set<String> words(Object message) {
        Set<String> words = new HashSet<>();
        if (message == null) {
            return words;
        }
        for (String word : SEPARATORS.split(norm(message))) {
            String w = word;
            while (w.endsWith(".") || w.endsWith(":")) {
                w = w.substring(0, w.length() - 1);
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static String norm(Object value) {
        return String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    }
}
