package io.frontline.store;

import java.util.List;

/**
 * One page of a query: the items, how many match in total, and the page's bounds. {@code totalCapped}: more than
 * {@code total} match (events are counted up to a cap, {@link JdbcEventStore#TOTAL_CAP}); {@code nextCursor}: where
 * the next page starts (events only; null on the last page).
 */
public record Page<T>(List<T> items, long total, int limit, int offset, boolean totalCapped, String nextCursor) {
    public Page(List<T> items, long total, int limit, int offset) {
        this(items, total, limit, offset, false, null);
    }
}
