package io.crmbridge.crm.clio;

import java.net.URI;
import java.util.Map;

import io.crmbridge.crm.CrmRequest;

/**
 * Clio's paging: an index answer's {@code meta.paging.next} is the whole URL of the next page (its own
 * {@code page_token} inside). The connector follows it as a request under the connection's base URL: the part after
 * {@code /api/v4}, with its query as it came.
 */
final class ClioPaging {

    private ClioPaging() {
    }

    static String next(Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("meta") instanceof Map<?, ?> meta
                && meta.get("paging") instanceof Map<?, ?> paging && paging.get("next") != null
                && !paging.get("next").toString().isBlank()) {
            return paging.get("next").toString();
        }
        return null;
    }

    static CrmRequest nextRequest(String next) {
        URI uri = URI.create(next);
        String path = uri.getRawPath();
        int api = path.indexOf(ClioConnector.API_PATH + "/");
        if (api < 0) {
            throw new IllegalArgumentException("a Clio next-page URL under " + ClioConnector.API_PATH + " expected: " + next);
        }
        return CrmRequest.get(path.substring(api + ClioConnector.API_PATH.length()), uri.getRawQuery());
    }
}
