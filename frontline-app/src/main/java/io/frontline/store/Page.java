package io.frontline.store;

import java.util.List;

/** One page of a query: the items, how many match in total, and the page's bounds. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
}
