package io.crmbridge.sandbox.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a committed write loses its answer: a 502 from a gateway after the write ({@code "502"}), the connection closed
 * without an answer ({@code "drop"}), or the answer held past the hang bound and then the connection closed
 * ({@code "hang"}, which a client with a shorter timeout sees as its own timeout).
 */
public enum LostResponse {
    BAD_GATEWAY("502"), DROP("drop"), HANG("hang");

    private final String code;

    LostResponse(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** {@code "502|drop"}: the modes a rule picks from at random, each equally likely; null or blank is 502. */
    static List<LostResponse> parseAll(String modes) {
        if (modes == null || modes.isBlank()) {
            return List.of(BAD_GATEWAY);
        }
        List<LostResponse> parsed = new ArrayList<>();
        for (String m : modes.split("\\|")) {
            parsed.add(parse(m.trim()));
        }
        return List.copyOf(parsed);
    }

    private static LostResponse parse(String code) {
        for (LostResponse r : values()) {
            if (r.code.equals(code.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("lostResponse must be 502, drop or hang (several joined by |), was " + code);
    }
}
