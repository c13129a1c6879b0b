package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crmbridge.testsupport.CrmView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The outbound core, written once and run against each CRM kind (connection {@code hubspot} through source
 * {@code webform}, connection {@code clio} through source {@code webform-clio}; the routes are the same): a lead
 * becomes a contact, a company, a deal (a Clio matter with the contact as client) and a note; a contact a person made
 * is found before create; the same lead posted again writes nothing new.
 */
@QuarkusTest
class LeadToEachCrmTest {

    @Inject
    DataSource dataSource;

    static List<CrmView> crms() {
        return CrmView.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void aLeadBecomesAContactACompanyADealAndANote(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "lead-" + tag + "@example.org";
        String domain = "lead-" + tag + ".example";
        String event = post(crm, lead("sub-" + tag, email, "Ada Lovelace", "Lead " + tag, "https://www." + domain));
        awaitFinal(dataSource, List.of(event), Duration.ofSeconds(60));
        assertThat(status(dataSource, event)).isEqualTo("DONE");

        List<String> contacts = crm.contactsByEmail(email);
        assertThat(contacts).hasSize(1);
        String contact = contacts.get(0);
        List<String> companies = crm.companiesByDomain(domain);
        assertThat(companies).hasSize(1);
        assertThat(crm.companiesOf(contact)).containsExactly(companies.get(0));
        assertThat(crm.dealsOf(contact)).hasSize(1);
        assertThat(crm.notesOf(contact)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void aContactAPersonMadeIsFoundBeforeCreate(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "known-" + tag + "@example.org";
        String made = crm.insertContact(email, "Grace", "Hopper");
        String event = post(crm, lead("sub-" + tag, email, "Grace Hopper", "Known " + tag, "known-" + tag + ".example"));
        awaitFinal(dataSource, List.of(event), Duration.ofSeconds(60));
        assertThat(status(dataSource, event)).isEqualTo("DONE");
        assertThat(crm.contactsByEmail(email)).containsExactly(made);
        assertThat(crm.dealsOf(made)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void theSameLeadPostedAgainWritesNothingNew(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "again-" + tag + "@example.org";
        String body = lead("sub-" + tag, email, "Alan Turing", "Again " + tag, "again-" + tag + ".example");
        String first = post(crm, body);
        awaitFinal(dataSource, List.of(first), Duration.ofSeconds(60));
        String second = post(crm, body);
        awaitFinal(dataSource, List.of(second), Duration.ofSeconds(60));
        assertThat(List.of(status(dataSource, first), status(dataSource, second))).containsExactly("DONE", "DUPLICATE");
        List<String> contacts = crm.contactsByEmail(email);
        assertThat(contacts).hasSize(1);
        assertThat(crm.dealsOf(contacts.get(0))).hasSize(1);
        assertThat(crm.notesOf(contacts.get(0))).hasSize(1);
    }

    private static String post(CrmView crm, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET).body(body)
                .post("/events/" + crm.webformSource()).then().statusCode(202).extract().path("eventId");
    }
}
