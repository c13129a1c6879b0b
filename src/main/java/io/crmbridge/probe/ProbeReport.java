package io.crmbridge.probe;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the contract probe found for one connection: what the token endpoint really returned, which host answers, and
 * one live record per configured object compared with the field map. Never holds a secret: tokens appear as their
 * length and a short hash.
 */
@RegisterForReflection
public record ProbeReport(String connection, String kind, Instant probedAt, AuthReport auth, List<HostReport> hosts,
        String workingBaseUrl, List<ObjectReport> objects) {

    /** A secret as it may be shown: its length and the first 8 hex digits of its SHA-256. */
    @RegisterForReflection
    public record Secret(int length, String sha256) {
    }

    /**
     * The token endpoint's answer: {@code expiresInSeconds} as sent ({@code expires_in}), {@code jwtLifetimeSeconds}
     * ({@code exp - iat}) when the access token is a JWT, whether a refresh token came back and whether it differs from
     * the one sent (rotated; the connection keeps the new one). {@code error} when the flow failed.
     */
    @RegisterForReflection
    public record AuthReport(String mode, String tokenEndpoint, Long expiresInSeconds, Long jwtLifetimeSeconds,
            Instant expiresAt, Secret accessToken, Boolean refreshTokenReturned, Boolean refreshTokenRotated,
            Secret refreshTokenSent, Secret refreshTokenReceived, String error) {
    }

    /** One redirect on the way: its status, the URL that answered it and where it pointed. */
    @RegisterForReflection
    public record Redirect(int status, String from, String location) {
    }

    /**
     * One base URL tried with a read: the configured one first, then the connector's alternatives while none works.
     * {@code status}, {@code contentType} and a short {@code excerpt} of the final answer, or {@code error} when there
     * was none (connection refused, timeout).
     */
    @RegisterForReflection
    public record HostReport(String baseUrl, boolean configured, boolean works, Integer status, String contentType,
            String excerpt, String error, List<Redirect> redirects) {
    }

    /** One object: the live record read (its id) and what comparing it with the field map found. */
    @RegisterForReflection
    public record ObjectReport(String object, String recordId, Integer status, String error, List<Finding> findings) {
    }

    /**
     * One field's outcome. {@code field} is the contract field (null for an unknown property), {@code declared} the
     * field map's type, {@code actual} what the record holds (string, number, boolean, object, relationship, array,
     * absent), {@code value} a short excerpt, {@code relationshipId} / {@code relationshipName} what an
     * {@code {id, name}} object holds.
     */
    @RegisterForReflection
    public record Finding(Kind kind, String field, String property, String declared, String actual, String value,
            String relationshipId, String relationshipName, String detail) {
    }

    /** What a field's comparison found. */
    public enum Kind {
        /** As the map declares. */
        OK,
        /** A relationship the map declares as one: {@code {id, name}}. */
        RELATIONSHIP,
        /** The CRM has the mapped property, this record leaves it empty (its type cannot be checked here). */
        EMPTY,
        /** The record does not hold the mapped property (and the CRM's property list, where it has one, lacks it). */
        MISSING,
        /** The record holds a property the map does not name. */
        UNKNOWN,
        /** The value's shape is not the declared type (a "string" that is an object, a number that is text). */
        TYPE_MISMATCH,
        /** An enum value outside the map's allowed list. */
        ENUM_NOT_ALLOWED,
        /** A number sent as text by a CRM that otherwise sends typed JSON. */
        NUMBER_AS_STRING,
        /** A date that does not parse. */
        DATE_UNPARSEABLE,
        /** The account refuses the order the poll lists by ({@code value}; {@code detail}: the CRM's answer). */
        ORDER_REFUSED,
        /** The account refuses a field selector: it lacks the property ({@code detail}: the CRM's answer). */
        FIELD_REFUSED
    }
}
