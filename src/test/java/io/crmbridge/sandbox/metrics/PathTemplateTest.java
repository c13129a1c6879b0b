package io.crmbridge.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Path("/sandbox/hubspot/crm/v3/objects")
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

    @Path("/sandbox/hubspot/crm/v3/owners/")
    static class Owners {
        public void list() {
        }
    }

    @Test
    void joinsClassAndMethodPathsBelowTheHubSpotBase() throws Exception {
        assertThat(PathTemplate.of(Objects.class, Objects.class.getMethod("search")))
                .isEqualTo("/crm/v3/objects/{objectType}/search");
    }

    @Test
    void dropsRegularExpressionsAndStraySlashes() throws Exception {
        assertThat(PathTemplate.of(Objects.class, Objects.class.getMethod("read")))
                .isEqualTo("/crm/v3/objects/{objectType}/{objectId}");
    }

    @Test
    void aMethodWithoutPathIsTheClassPath() throws Exception {
        assertThat(PathTemplate.of(Objects.class, Objects.class.getMethod("list"))).isEqualTo("/crm/v3/objects");
        assertThat(PathTemplate.of(Owners.class, Owners.class.getMethod("list"))).isEqualTo("/crm/v3/owners");
    }
}
