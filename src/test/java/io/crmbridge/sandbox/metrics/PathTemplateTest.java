package io.crmbridge.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/**
 * The classes below carry JAX-RS annotations and Quarkus REST registers them as live endpoints in every @QuarkusTest,
 * so their paths sit under a base no real endpoint uses.
 */
class PathTemplateTest {

    @Path("/sandbox/hubspot/path-template-test/objects")
    static class Objects {
        @Path("/{objectType}/search")
        public void search() {
        }

        @Path("{objectType}/{objectId: [0-9]+}/")
        public void read() {
        }

        public void list() {
        }
    }

    @Path("/sandbox/hubspot/path-template-test/owners/")
    static class Owners {
        public void list() {
        }
    }

    @Test
    void joinsClassAndMethodPathsBelowTheHubSpotBase() throws Exception {
        assertThat(PathTemplate.of(Objects.class, Objects.class.getMethod("search")))
                .isEqualTo("/path-template-test/objects/{objectType}/search");
    }

    @Test
    void dropsRegularExpressionsAndStraySlashes() throws Exception {
        assertThat(PathTemplate.of(Objects.class, Objects.class.getMethod("read")))
                .isEqualTo("/path-template-test/objects/{objectType}/{objectId}");
    }

    @Test
    void aMethodWithoutPathIsTheClassPath() throws Exception {
        assertThat(PathTemplate.of(Objects.class, Objects.class.getMethod("list"))).isEqualTo("/path-template-test/objects");
        assertThat(PathTemplate.of(Owners.class, Owners.class.getMethod("list"))).isEqualTo("/path-template-test/owners");
    }
}
