package io.crmbridge.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The harness itself, without a server: synthetic requests and responses that must and must not validate. If these
 * pass, a contract test that passes means something.
 */
class SandboxContractSelfTest {

    private static final String OBJECTS = SandboxContract.BASE_PATH + "/crm/v3/objects";
    private static final String NOW = "2026-11-22T10:15:30.123Z";
    private static final String CONTACT = """
            {"id":"101","properties":{"email":"ada@example.com","phone":null,"hs_object_id":"101"},
             "createdAt":"%s","updatedAt":"%s","archived":false}""".formatted(NOW, NOW);
    private static final String ERROR = """
            {"status":"error","message":"Object not found","correlationId":"aeb5f871-7f07-4993-9211-075dc63e7cbf",
             "category":"OBJECT_NOT_FOUND"}""";

    // ---------------------------------------------------------------- requests

    @Test
    void validSearchHasNoErrors() {
        assertThat(errorsOf(searchWith("\"limit\":10"))).isEmpty();
    }

    @Test
    void searchWithLimitAsStringIsReported() {
        assertThat(errorsOf(searchWith("\"limit\":\"ten\""))).singleElement().asString()
                .startsWith("validation.request.body.schema.type").contains("/limit");
    }

    @Test
    void searchSortsAsPublishedStringsAreReported() {
        // The live API sorts by objects; the published string form is what the description rejects.
        assertThat(errorsOf(searchWith("\"sorts\":[\"hs_lastmodifieddate\"]"))).isNotEmpty();
    }

    @Test
    void misspeltBodyFieldIsReported() {
        assertThat(errorsOf(searchWith("\"limitt\":10"))).singleElement().asString()
                .contains("additionalProperties").contains("limitt");
    }

    @Test
    void searchWithoutFilterGroupsIsReported() {
        RawRequest search = RawRequest.json("POST", OBJECTS + "/contacts/search", null, "{\"limit\":10}");
        assertThat(errorsOf(search)).singleElement().asString().contains("required").contains("filterGroups");
    }

    @Test
    void createWithoutPropertiesIsReported() {
        RawRequest create = RawRequest.json("POST", OBJECTS + "/contacts", null, "{\"associations\":[]}");
        assertThat(errorsOf(create)).singleElement().asString().contains("required").contains("properties");
    }

    @Test
    void createWithoutAssociationsValidatesAsTheLiveApiAllows() {
        RawRequest create = RawRequest.json("POST", OBJECTS + "/contacts", null,
                "{\"properties\":{\"email\":\"ada@example.com\"}}");
        assertThat(errorsOf(create)).isEmpty();
    }

    @Test
    void unknownPathIsReported() {
        assertThat(errorsOf(RawRequest.json("GET", SandboxContract.BASE_PATH + "/crm/v3/nothing/here", null, null)))
                .singleElement().asString().startsWith("validation.request.path.missing");
    }

    @Test
    void unknownObjectTypeIsReported() {
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/widgets", null, null))).singleElement().asString()
                .contains("enum").contains("widgets");
    }

    @Test
    void bothDealPathsValidate() {
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/deals/7", null, null))).isEmpty();
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/0-3/7", null, null))).isEmpty();
    }

    @Test
    void readQueryParametersValidateAndUnknownOnesAreReported() {
        Map<String, List<String>> query = Map.of("properties", List.of("email", "firstname"),
                "archived", List.of("false"), "idProperty", List.of("email"));
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/contacts/ada@example.com", query, null))).isEmpty();
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/contacts/1", Map.of("propertiess", List.of("a")),
                null))).singleElement().asString().startsWith("validation.request.parameter.query.unexpected");
    }

    @Test
    void listLimitMustBeAnInteger() {
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/companies", Map.of("limit", List.of("many")), null)))
                .singleElement().asString().startsWith("validation.request.parameter.schema.type");
    }

    @Test
    void wrongMethodIsReported() {
        assertThat(errorsOf(RawRequest.json("GET", OBJECTS + "/contacts/batch/read", null, null)))
                .singleElement().asString().startsWith("validation.request.operation.notAllowed");
    }

    @Test
    void crmCallsNeedABearerToken() {
        assertThat(errorsOf(RawRequest.of("GET", OBJECTS + "/contacts"))).singleElement().asString()
                .startsWith("validation.request.security.missing");
        RawRequest basic = new RawRequest("GET", OBJECTS + "/contacts", null,
                Map.of("Authorization", List.of("Basic c2FuZGJveDpzZWNyZXQ=")), null);
        assertThat(errorsOf(basic)).singleElement().asString().startsWith("validation.request.security.invalid");
    }

    @Test
    void tokenRequestIsAFormWithoutBearer() {
        RawRequest token = form("grant_type=refresh_token&client_id=sandbox&client_secret=sandbox-secret"
                + "&refresh_token=sandbox-refresh");
        assertThat(errorsOf(token)).isEmpty();
        assertThat(errorsOf(form("grant_type=password"))).singleElement().asString().contains("enum")
                .contains("password");
    }

    @Test
    void ownerIdIsAnInteger() {
        assertThat(errorsOf(RawRequest.json("GET", SandboxContract.BASE_PATH + "/crm/v3/owners/abc", null, null)))
                .singleElement().asString().startsWith("validation.request.parameter.schema.type");
    }

    @Test
    void controlEndpointsAreNotDescribed() {
        assertThat(SandboxContract.isDescribed(SandboxContract.BASE_PATH + "/_sandbox/reset")).isFalse();
        assertThat(SandboxContract.isDescribed(SandboxContract.BASE_PATH + "/crm/v3/objects/contacts")).isTrue();
        assertThat(SandboxContract.isDescribed(SandboxContract.BASE_PATH + "/oauth/v1/token")).isTrue();
    }

    // ---------------------------------------------------------------- responses

    @Test
    void validObjectResponseWithNullPropertyHasNoErrors() {
        assertThat(responseErrors("GET", "/contacts/101", 200, CONTACT)).isEmpty();
    }

    @Test
    void numericIdInResponseIsReported() {
        assertThat(responseErrors("GET", "/contacts/101", 200, CONTACT.replace("\"id\":\"101\"", "\"id\":101")))
                .singleElement().asString().startsWith("validation.response.body.schema.type").contains("/id");
    }

    @Test
    void missingRequiredResponseFieldAndBadTimestampAreReported() {
        assertThat(responseErrors("GET", "/contacts/101", 200, CONTACT.replace(",\"archived\":false", "")))
                .singleElement().asString().contains("required").contains("archived");
        assertThat(responseErrors("GET", "/contacts/101", 200, CONTACT.replaceFirst(NOW, "yesterday")))
                .singleElement().asString().contains("date-time");
    }

    @Test
    void errorBodiesFollowTheErrorSchema() {
        assertThat(responseErrors("GET", "/contacts/999", 404, ERROR)).isEmpty();
        assertThat(responseErrors("GET", "/contacts/999", 404, ERROR.replace(",\n \"category\":\"OBJECT_NOT_FOUND\"",
                ""))).singleElement().asString().contains("required").contains("category");
    }

    @Test
    void undeclaredStatusIsReported() {
        assertThat(responseErrors("GET", "/contacts/999", 409, ERROR)).singleElement().asString()
                .startsWith("validation.response.status.unknown");
        assertThat(responseErrors("GET", "/contacts/999", 503, ERROR)).isEmpty();
    }

    @Test
    void batchWithErrorsIsA207WithTheErrorsVariant() {
        String body = """
                {"status":"COMPLETE","results":[],"numErrors":1,"startedAt":"%s","completedAt":"%s",
                 "errors":[{"status":"error","category":"OBJECT_NOT_FOUND","message":"Could not get some CONTACT objects",
                            "context":{"ids":["999"]},"errors":[],"links":{}}]}""".formatted(NOW, NOW);
        assertThat(responseErrors("POST", "/contacts/batch/read", 207, body)).isEmpty();
        assertThat(responseErrors("POST", "/contacts/batch/read", 207, body.replace("\"COMPLETE\"", "\"DONE\"")))
                .singleElement().asString().contains("enum");
    }

    @Test
    void aBatchErrorsSubCategoryIsAnObjectAsPublishedNeverAString() {
        String body = """
                {"status":"COMPLETE","results":[],"numErrors":1,"startedAt":"%s","completedAt":"%s",
                 "errors":[{"status":"error","category":"OBJECT_NOT_FOUND","subCategory":%s,"message":"No contact",
                            "context":{"fromObjectId":["999"]},"errors":[],"links":{}}]}""";
        assertThat(responseErrors("POST", "/contacts/batch/read", 207, body.formatted(NOW, NOW, "{}"))).isEmpty();
        assertThat(responseErrors("POST", "/contacts/batch/read", 207,
                body.formatted(NOW, NOW, "\"crm.associations.NO_ASSOCIATIONS_FOUND\""))).isNotEmpty();
        assertThat(responseErrors("POST", "/contacts/batch/read", 207, body.formatted(NOW, NOW, "null"))).isNotEmpty();
    }

    @Test
    void tokenResponseMustBeOneOfTheGrantShapes() {
        RawRequest token = form("grant_type=refresh_token&refresh_token=sandbox-refresh");
        String ok = "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":1800,\"token_type\":\"bearer\","
                + "\"token_use\":\"access_token\"}";
        assertThat(SandboxContract.errors(SandboxContract.validate(token, 200, "application/json", ok))).isEmpty();
        assertThat(SandboxContract.errors(SandboxContract.validate(token, 200, "application/json",
                ok.replace(",\"token_use\":\"access_token\"", "")))).isNotEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static RawRequest searchWith(String extra) {
        return RawRequest.json("POST", OBJECTS + "/contacts/search", null, """
                {"filterGroups":[{"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"0"}]}],
                 "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],%s}""".formatted(extra));
    }

    private static RawRequest form(String body) {
        return new RawRequest("POST", SandboxContract.BASE_PATH + "/oauth/v1/token", null,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), body);
    }

    private static List<String> errorsOf(RawRequest request) {
        return SandboxContract.errors(SandboxContract.validateRequest(request));
    }

    private static List<String> responseErrors(String method, String objectsPath, int status, String body) {
        return SandboxContract.errors(SandboxContract.validateResponse(method, OBJECTS + objectsPath, status,
                "application/json", body));
    }
}
