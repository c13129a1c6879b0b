package io.crmbridge.crm;

import java.util.List;

/** One page of a list answer: its items and the token of the next page (null on the last). */
public record ListPage<T>(List<T> items, String next) {
}
