package io.crmbridge.sandbox.objects;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One prepared search filter: the property reader, the operator and operands already parsed to the property's type. */
public final class Condition {

    public enum Operator {
        EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN,
        NOT_CONTAINS_TOKEN
    }

    private final String property;
    private final Operator operator;
    private final Function<CrmRecord, Comparable<?>> reader;
    private final Comparable<?> value;
    private final Comparable<?> highValue;
    private final List<Comparable<?>> values;

    Condition(String property, Operator operator, Function<CrmRecord, Comparable<?>> reader, Comparable<?> value,
            Comparable<?> highValue, List<Comparable<?>> values) {
        this.property = property;
        this.operator = operator;
        this.reader = reader;
        this.value = value;
        this.highValue = highValue;
        this.values = values;
    }

    public String property() {
        return property;
    }

    public Operator operator() {
        return operator;
    }

    /** The parsed operand, e.g. epoch millis for a date property. */
    public Comparable<?> value() {
        return value;
    }

    public Comparable<?> highValue() {
        return highValue;
    }

    public boolean test(CrmRecord record) {
        Comparable<?> actual = reader.apply(record);
        return switch (operator) {
            case HAS_PROPERTY -> actual != null;
            case NOT_HAS_PROPERTY -> actual == null;
            case EQ -> actual != null && PropertyAccess.compare(actual, value) == 0;
            case NEQ -> actual == null || PropertyAccess.compare(actual, value) != 0;
            case LT -> actual != null && PropertyAccess.compare(actual, value) < 0;
            case LTE -> actual != null && PropertyAccess.compare(actual, value) <= 0;
            case GT -> actual != null && PropertyAccess.compare(actual, value) > 0;
            case GTE -> actual != null && PropertyAccess.compare(actual, value) >= 0;
            case BETWEEN -> actual != null && PropertyAccess.compare(actual, value) >= 0
                    && PropertyAccess.compare(actual, highValue) <= 0;
            case IN -> actual != null && contains(actual);
            case NOT_IN -> actual == null || !contains(actual);
            case CONTAINS_TOKEN -> actual != null && containsToken(actual);
            case NOT_CONTAINS_TOKEN -> actual == null || !containsToken(actual);
        };
    }

    private boolean contains(Comparable<?> actual) {
        for (Comparable<?> v : values) {
            if (PropertyAccess.compare(actual, v) == 0) {
                return true;
            }
        }
        return false;
    }

    private boolean containsToken(Comparable<?> actual) {
        String token = value.toString().replace("*", "").toLowerCase(Locale.ROOT);
        return actual.toString().toLowerCase(Locale.ROOT).contains(token);
    }
}
