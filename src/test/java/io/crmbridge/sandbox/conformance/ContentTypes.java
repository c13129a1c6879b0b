package io.crmbridge.sandbox.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The answer's {@code Content-Type} against the media types the vendor publishes for its status. Where the document
 * spells out parameters ({@code application/json; charset=utf-8}, Clio's), the header must say exactly that, as a
 * client comparing the header with the document would; where it names only a type ({@code application/json}, HubSpot's) or {@code *}{@code /*}, the type must
 * match.
 */
final class ContentTypes {

    private ContentTypes() {
    }

    static Optional<String> check(OpenAPI api, VendorExchange exchange) {
        String header = header(exchange.responseHeaders(), "Content-Type");
        if (header == null) {
            return Optional.empty();
        }
        Set<String> published = published(api, exchange);
        if (published.isEmpty()) {
            return Optional.empty(); // the status itself is judged by the validator
        }
        for (String mediaType : published) {
            if (mediaType.equals("*/*")) {
                return Optional.empty();
            }
            if (mediaType.contains(";") ? mediaType.equals(header)
                    : type(mediaType).equals(type(header))) {
                return Optional.empty();
            }
        }
        return Optional.of("content-type: the answer says '" + header + "', the vendor publishes " + published);
    }

    private static Set<String> published(OpenAPI api, VendorExchange exchange) {
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            if (!matches(serverPath(api) + path.getKey(), exchange.vendorPath())) {
                continue;
            }
            Operation operation = path.getValue().readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(exchange.method().toUpperCase(Locale.ROOT)));
            if (operation == null || operation.getResponses() == null) {
                return Set.of();
            }
            ApiResponse response = operation.getResponses().get(Integer.toString(exchange.status()));
            if (response == null) {
                response = operation.getResponses().getDefault();
            }
            if (response != null && response.get$ref() != null && api.getComponents() != null) {
                String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
                response = api.getComponents().getResponses().get(name);
            }
            Content content = response == null ? null : response.getContent();
            return content == null ? Set.of() : content.keySet();
        }
        return Set.of();
    }

    private static String serverPath(OpenAPI api) {
        List<io.swagger.v3.oas.models.servers.Server> servers = api.getServers();
        if (servers == null || servers.isEmpty()) {
            return "";
        }
        String url = servers.get(0).getUrl();
        int host = url.indexOf("://");
        int slash = host < 0 ? url.indexOf('/') : url.indexOf('/', host + 3);
        return slash < 0 ? "" : url.substring(slash).replaceAll("/$", "");
    }

    private static boolean matches(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean variable = t[i].contains("{");
            if (variable) {
                String suffix = t[i].substring(t[i].indexOf('}') + 1);
                if (!p[i].endsWith(suffix)) {
                    return false;
                }
            } else if (!t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static String type(String mediaType) {
        return normalize(mediaType).split(";")[0];
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
