package io.crmbridge.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.FieldType;
import io.crmbridge.crm.FieldSpec;
import io.crmbridge.probe.ProbeReport.Finding;
import io.crmbridge.probe.ProbeReport.Kind;

class FieldComparisonTest {

    private final FieldComparison typed = new FieldComparison(true);
    private final FieldComparison text = new FieldComparison(false);

    @Test
    void aStringThatIsARelationshipObjectIsAMismatchNamingItsIdAndName() {
        Finding f = one(typed, FieldSpec.string("practice_area"), Map.of("id", 7, "name", "Family Law"));
        assertThat(f.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(f.declared()).isEqualTo("string");
        assertThat(f.actual()).isEqualTo("relationship");
        assertThat(f.relationshipId()).isEqualTo("7");
        assertThat(f.relationshipName()).isEqualTo("Family Law");
        assertThat(f.detail()).contains("relationship object {id, name}");
    }

    @Test
    void aDeclaredRelationshipIsReportedWithWhatItHolds() {
        FieldSpec spec = new FieldSpec("responsible_attorney", FieldType.RELATIONSHIP, List.of(), "name");
        Finding f = one(typed, spec, Map.of("id", 12));
        assertThat(f.kind()).isEqualTo(Kind.RELATIONSHIP);
        assertThat(f.relationshipId()).isEqualTo("12");
        assertThat(f.relationshipName()).isNull();
        assertThat(f.detail()).contains(".name").contains("empty");
        assertThat(one(typed, spec, "Ann").kind()).isEqualTo(Kind.TYPE_MISMATCH);
    }

    @Test
    void anObjectWithoutIdAndAnArrayAreMismatchesForAString() {
        assertThat(one(typed, FieldSpec.string("x"), Map.of("street", "Main")).actual()).isEqualTo("object");
        Finding array = one(typed, FieldSpec.string("email_addresses"), List.of(Map.of("address", "a@b.c")));
        assertThat(array.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(array.actual()).isEqualTo("array");
        assertThat(one(typed, FieldSpec.string("x"), 5).kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(one(typed, FieldSpec.string("x"), "ok").kind()).isEqualTo(Kind.OK);
    }

    @Test
    void anEnumValueOutsideTheAllowedList() {
        FieldSpec status = FieldSpec.enumeration("status", List.of("open", "pending", "closed"));
        Finding f = one(typed, status, "Open");
        assertThat(f.kind()).isEqualTo(Kind.ENUM_NOT_ALLOWED);
        assertThat(f.value()).isEqualTo("Open");
        assertThat(one(typed, status, "pending").kind()).isEqualTo(Kind.OK);
        assertThat(one(typed, FieldSpec.enumeration("s", List.of()), "anything").kind()).isEqualTo(Kind.OK);
        assertThat(one(typed, status, Map.of("id", 1)).kind()).isEqualTo(Kind.TYPE_MISMATCH);
    }

    @Test
    void aNumberSentAsAStringIsAFindingOnlyWhereTheCrmSendsTypedValues() {
        FieldSpec amount = FieldSpec.number("amount");
        assertThat(one(typed, amount, "1500.50").kind()).isEqualTo(Kind.NUMBER_AS_STRING);
        assertThat(one(text, amount, "1500.50").kind()).isEqualTo(Kind.OK);
        assertThat(one(typed, amount, 1500).kind()).isEqualTo(Kind.OK);
        assertThat(one(text, amount, "fifteen").kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(one(typed, amount, "").kind()).isEqualTo(Kind.TYPE_MISMATCH);
    }

    @Test
    void datesInIsoFormsAndEpochMillisParseOthersDoNot() {
        FieldSpec due = FieldSpec.date("due_at");
        assertThat(one(typed, due, "2026-11-30T10:15:00Z").kind()).isEqualTo(Kind.OK);
        assertThat(one(typed, due, "2026-11-30T10:15:00-05:00").kind()).isEqualTo(Kind.OK);
        assertThat(one(typed, due, "2026-11-30").kind()).isEqualTo(Kind.OK);
        assertThat(one(text, due, "1764497700000").kind()).isEqualTo(Kind.OK);
        assertThat(one(typed, due, "30/11/2026").kind()).isEqualTo(Kind.DATE_UNPARSEABLE);
        assertThat(one(typed, due, true).kind()).isEqualTo(Kind.TYPE_MISMATCH);
    }

    @Test
    void missingEmptyAndUnknownProperties() {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        fields.put("first-name", FieldSpec.string("givenname"));
        fields.put("phone", FieldSpec.string("phone"));
        fields.put("website", FieldSpec.string("website"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", "1");
        record.put("firstname", "Ann");
        record.put("website", null);
        record.put("title", Map.of("id", 3, "name", "Partner"));
        record.put("blank", null);

        List<Finding> findings = typed.compare(fields, record, List.of("id"), Set.of("firstname", "phone", "website"));
        assertThat(findings).extracting(Finding::kind, Finding::property).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.MISSING, "givenname"),
                org.assertj.core.groups.Tuple.tuple(Kind.EMPTY, "phone"),
                org.assertj.core.groups.Tuple.tuple(Kind.EMPTY, "website"),
                org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN, "firstname"),
                org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN, "title"));
        assertThat(findings.get(0).detail()).contains("the CRM has no property givenname");
        assertThat(findings.get(4).actual()).isEqualTo("relationship");
        assertThat(findings.get(4).relationshipName()).isEqualTo("Partner");

        // Without the CRM's property list, an absent property can only be called missing from the record.
        List<Finding> unsure = typed.compare(fields, record, List.of("id"), null);
        assertThat(unsure.get(1).kind()).isEqualTo(Kind.MISSING);
        assertThat(unsure.get(1).detail()).contains("the record has no property phone");
    }

    private static Finding one(FieldComparison comparison, FieldSpec spec, Object value) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(spec.property(), value);
        return comparison.check("field", spec, record, null);
    }
}
