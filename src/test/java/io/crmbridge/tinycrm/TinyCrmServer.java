package io.crmbridge.tinycrm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A tiny CRM served inside the test application under {@value #ROOT}: just enough API for the bridge's flows, in a
 * dialect of its own (neither HubSpot's nor Clio's), and nothing more. A static bearer token; records of any object
 * as flat JSON properties; lists filtered by one property's value or by ids; a change list by modification time
 * (with the records of one instant paged by id); links between two records; a fixed list of owners. No batch calls,
 * no upserts, no property history, no custom property API, no rate-limit headers.
 *
 * <pre>
 * GET    /api/{object}?{property}={value} | ?ids=1,2   {"results": [record]}
 * GET    /api/{object}/changes?after=&amp;before=&amp;limit=  (or ?at=&amp;afterId=&amp;limit=)
 * GET    /api/{object}/{id}                            record
 * POST   /api/{object}  {"properties": {..}, "links": {object: id}}   201 record
 * PATCH  /api/{object}/{id}  {"properties": {..}}      record
 * DELETE /api/{object}/{id}                            204
 * PUT    /api/{object}/{id}/links/{to}/{toId}          {"from": .., "to": ..}
 * GET    /api/{object}/{id}/links/{to}                 {"ids": [..]}
 * GET    /api/owners?email= | /api/owners/{id}         {"results": [owner]} | owner
 * record: {"id": "7", "createdAt": ISO, "updatedAt": ISO, "properties": {..}}; errors: {"message": ..}
 * </pre>
 *
 * The test knobs ({@code /_control/...}, no token): reset, faults, rate limit, counters, seed.
 */
@ApplicationScoped
public class TinyCrmServer {

    static final String ROOT = "/tinycrm";
    static final String TOKEN = "tiny-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> OWNERS = List.of(
            owner("1", "alice.owner@crm-bridge.example", true), owner("2", "bob.owner@crm-bridge.example", true),
            owner("3", "carol.owner@crm-bridge.example", true), owner("4", "dave.former@crm-bridge.example", false));

    private final TinyStore store = new TinyStore();
    private final TinyFaults faults = new TinyFaults();

    void routes(@Observes Router router) {
        router.route(ROOT + "/*").handler(BodyHandler.create());
        router.route(ROOT + "/*").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath().substring(ROOT.length());
        String method = ctx.request().method().name();
        try {
            if (path.startsWith("/_control/")) {
                Answer a = control(method, path.substring("/_control/".length()), ctx);
                send(ctx, a);
            } else if (path.startsWith("/api/")) {
                api(ctx, method, path);
            } else {
                send(ctx, error(404, "no such path " + path));
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            send(ctx, error(400, e.getMessage()));
        }
    }

    // --- the API ---

    private void api(RoutingContext ctx, String method, String path) throws JsonProcessingException {
        String auth = ctx.request().getHeader("Authorization");
        if (auth == null || !auth.equals("Bearer " + TOKEN)) {
            count(ctx, error(401, "a valid bearer token is required"));
            return;
        }
        long wait = faults.admit();
        if (wait > 0) {
            Answer limited = error(429, "too many requests");
            ctx.response().putHeader("Retry-After", Long.toString((wait + 999) / 1000));
            count(ctx, limited);
            return;
        }
        TinyFaults.Fault fault = faults.decide(method, path);
        if (fault.latencyMillis() > 0) {
            try {
                Thread.sleep(fault.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.fails()) {
            if (fault.status() == 429) {
                ctx.response().putHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
            count(ctx, error(fault.status(), "fault injected by the tiny CRM"));
            return;
        }
        Answer answer = serve(method, path.substring("/api/".length()).split("/"), ctx);
        if ("drop".equals(fault.lost())) {
            faults.served(0);
            ctx.request().connection().close();
            return;
        }
        if ("502".equals(fault.lost())) {
            answer = error(502, "bad gateway (the call was committed)");
        }
        count(ctx, answer);
    }

    @SuppressWarnings("unchecked")
    private Answer serve(String method, String[] p, RoutingContext ctx) throws JsonProcessingException {
        String object = p[0];
        if (object.equals("owners")) {
            return owners(p, ctx);
        }
        Instant now = TinyStore.now();
        if (p.length == 1 && method.equals("GET")) {
            int limit = Math.min(intParam(ctx, "limit", TinyStore.MAX_LIMIT), TinyStore.MAX_LIMIT);
            String ids = ctx.request().getParam("ids");
            if (ids != null) {
                return results(store.byIds(object, List.of(ids.split(","))));
            }
            var filters = ctx.queryParams().names().stream().filter(n -> !n.equals("limit")).toList();
            if (filters.size() != 1) {
                return error(400, "filter by exactly one property, or by ids");
            }
            String property = filters.get(0);
            return results(store.withValue(object, property, ctx.request().getParam(property), limit));
        }
        if (p.length == 1 && method.equals("POST")) {
            Map<String, Object> body = body(ctx);
            Map<String, Object> properties = (Map<String, Object>) body.getOrDefault("properties", Map.of());
            Map<String, String> links = (Map<String, String>) body.get("links");
            if (links != null) {
                for (var link : links.entrySet()) {
                    if (store.get(link.getKey(), link.getValue()) == null) {
                        return error(400, "no " + link.getKey() + " " + link.getValue() + " to link to");
                    }
                }
            }
            return new Answer(201, store.create(object, properties, links, now).json());
        }
        if (p.length == 2 && p[1].equals("changes") && method.equals("GET")) {
            int limit = Math.min(intParam(ctx, "limit", TinyStore.MAX_LIMIT), TinyStore.MAX_LIMIT);
            return results(store.changes(object, instant(ctx, "after"), instant(ctx, "before"), instant(ctx, "at"),
                    ctx.request().getParam("afterId"), limit));
        }
        if (p.length == 2 && method.equals("DELETE")) {
            return store.delete(object, p[1]) ? new Answer(204, null) : error(404, "no " + object + " " + p[1]);
        }
        if (p.length == 2) {
            String id = p[1];
            TinyStore.Rec rec = switch (method) {
                case "GET" -> store.get(object, id);
                case "PATCH" -> store.update(object, id,
                        (Map<String, Object>) body(ctx).getOrDefault("properties", Map.of()), now);
                default -> throw new IllegalArgumentException("method " + method + " not allowed here");
            };
            return rec == null ? error(404, "no " + object + " " + id) : new Answer(200, rec.json());
        }
        if (p.length == 4 && p[2].equals("links") && method.equals("GET")) {
            return new Answer(200, Map.of("ids", store.linked(object, p[1], p[3])));
        }
        if (p.length == 5 && p[2].equals("links") && method.equals("PUT")) {
            return store.link(object, p[1], p[3], p[4])
                    ? new Answer(200, Map.of("from", Map.of("object", object, "id", p[1]),
                            "to", Map.of("object", p[3], "id", p[4])))
                    : error(404, "no such record to link");
        }
        return error(404, "no such call: " + method + " /api/" + String.join("/", p));
    }

    private static Answer owners(String[] p, RoutingContext ctx) {
        if (p.length == 2) {
            return OWNERS.stream().filter(o -> o.get("id").equals(p[1])).findFirst()
                    .map(o -> new Answer(200, o)).orElse(error(404, "no owner " + p[1]));
        }
        String email = ctx.request().getParam("email");
        return new Answer(200, Map.of("results", OWNERS.stream()
                .filter(o -> email == null || String.valueOf(o.get("email")).equalsIgnoreCase(email)).toList()));
    }

    // --- the test knobs ---

    @SuppressWarnings("unchecked")
    private Answer control(String method, String what, RoutingContext ctx) throws JsonProcessingException {
        switch (method + " " + what) {
            case "POST reset" -> {
                store.clear();
                faults.clear();
                faults.rateLimit(0, 0);
                return new Answer(200, Map.of("reset", true));
            }
            case "PUT faults" -> {
                faults.replace(body(ctx));
                return new Answer(200, Map.of());
            }
            case "DELETE faults" -> {
                faults.clear();
                return new Answer(200, Map.of());
            }
            case "PUT rate-limit" -> {
                Map<String, Object> body = body(ctx);
                faults.rateLimit(((Number) body.get("maxRequests")).intValue(), ((Number) body.get("windowMillis")).longValue());
                return new Answer(200, Map.of());
            }
            case "DELETE rate-limit" -> {
                faults.rateLimit(0, 0);
                return new Answer(200, Map.of());
            }
            case "GET counters" -> {
                Map<String, Object> counters = new LinkedHashMap<>();
                faults.served().forEach((status, n) -> counters.put(Integer.toString(status), n.get()));
                return new Answer(200, counters);
            }
            case "POST seed" -> {
                Map<String, Object> body = body(ctx);
                String object = (String) body.getOrDefault("object", "contacts");
                int count = ((Number) body.get("count")).intValue();
                // one instant for all of them, as a bulk import: the poll pages them as one tie group
                Instant at = TinyStore.now();
                String batch = UUID.randomUUID().toString().substring(0, 8);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    ids.add(Long.toString(store.create(object, Map.of("email", "seed-" + batch + "-" + i + "@example.org",
                            "first_name", "Seed", "last_name", "Contact " + i), null, at).id()));
                }
                return new Answer(200, Map.of("ids", ids));
            }
            default -> {
                return error(404, "no such control: " + method + " " + what);
            }
        }
    }

    // --- helpers ---

    record Answer(int status, Object body) {
    }

    private static Answer error(int status, String message) {
        return new Answer(status, Map.of("message", message));
    }

    private static Answer results(List<TinyStore.Rec> records) {
        return new Answer(200, Map.of("results", records.stream().map(TinyStore.Rec::json).toList()));
    }

    private void count(RoutingContext ctx, Answer answer) {
        faults.served(answer.status());
        send(ctx, answer);
    }

    private static void send(RoutingContext ctx, Answer answer) {
        ctx.response().setStatusCode(answer.status());
        if (answer.body() == null) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(answer.body()));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(RoutingContext ctx) throws JsonProcessingException {
        String text = ctx.body() == null ? null : ctx.body().asString();
        return text == null || text.isBlank() ? Map.of() : JSON.readValue(text, Map.class);
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String value = ctx.request().getParam(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static Map<String, Object> owner(String id, String email, boolean active) {
        return Map.of("id", id, "email", email, "active", active);
    }
}
